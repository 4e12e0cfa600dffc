package io.dynamomigrate.progress;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress as a live bar per step on standard error, drawn by the progressbar library
 * (which handles terminal width and redrawing): items written of the rows counted (or a
 * running count when unknown), items/s, WCU/s against the effective rate and budget,
 * throttles and the ETA.
 */
final class BarProgressOutput implements ProgressOutput {

	private final Map<String, ProgressBar> bars = new LinkedHashMap<>();

	private final Map<String, Duration> etas = new LinkedHashMap<>();

	@Override
	public void update(ProgressLine line) {
		ProgressBar bar = bars.computeIfAbsent(line.step(),
				(step) -> new ProgressBarBuilder().setTaskName(step)
					.setInitialMax(line.expected())
					.setStyle(ProgressBarStyle.ASCII)
					.setUpdateIntervalMillis(500)
					.setEtaFunction((state) -> Optional.ofNullable(etas.get(step)))
					.build());
		if (line.expected() > 0 && bar.getMax() != line.expected()) {
			bar.maxHint(line.expected());
		}
		if (line.eta() != null) {
			etas.put(line.step(), line.eta());
		}
		bar.stepTo(line.items());
		bar.setExtraMessage(line.rates());
	}

	@Override
	public void idle(String step) {
		ProgressBar bar = bars.remove(step);
		if (bar != null) {
			bar.close();
		}
	}

	@Override
	public void close() {
		bars.values().forEach(ProgressBar::close);
		bars.clear();
	}

}
