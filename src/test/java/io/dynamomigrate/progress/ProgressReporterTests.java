package io.dynamomigrate.progress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import io.dynamomigrate.dynamodb.capacity.WriteCapacityLimiter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reporter driven tick by tick on a fake clock, with an output that records what it
 * is given.
 */
class ProgressReporterTests {

	private static final long SECOND = 1_000_000_000L;

	private final AtomicLong clock = new AtomicLong(SECOND);

	private final List<String> shown = new ArrayList<>();

	private final ProgressOutput recording = new ProgressOutput() {
		@Override
		public void update(ProgressLine line) {
			shown.add(line.text());
		}

		@Override
		public void idle(String step) {
			shown.add("idle " + step);
		}

		@Override
		public void close() {
			shown.add("closed");
		}
	};

	@Test
	void activeSteps_showItemsRatesThrottlesAndAnEtaFromTheRowCount_idleStepsAreClosed() {
		ProgressReporter reporter = new ProgressReporter(recording, clock::get, null);
		WriteCapacityLimiter limiter = new WriteCapacityLimiter("music", 4000, clock::get, (d) -> {
		});
		AtomicLong items = new AtomicLong();
		AtomicLong throttles = new AtomicLong();
		reporter.track(new StepProgress("play", "music", items::get, () -> items.get() * 2, throttles::get, limiter,
				CompletableFuture.completedFuture(10_000L)));
		reporter.track(new StepProgress("album", "music", () -> 0, () -> 0, () -> 0, limiter,
				CompletableFuture.completedFuture(-1L)));

		reporter.tick(); // nothing written yet: nothing shown
		assertThat(shown).isEmpty();

		clock.addAndGet(10 * SECOND);
		items.set(2000);
		throttles.set(3);
		limiter.throttled();
		reporter.tick();
		assertThat(shown).containsExactly("Progress [step=play, table=music] 2000/10000 items (20%), 200 items/s, "
				+ "400 WCU/s (effective 2000 of 4000), 3 throttles, ETA 40s");

		clock.addAndGet(5 * SECOND);
		items.set(5000);
		reporter.tick(); // rates over the last 5 s
		assertThat(shown).last()
			.isEqualTo("Progress [step=play, table=music] 5000/10000 items (50%), 600 items/s, "
					+ "1200 WCU/s (effective 3000 of 4000), 3 throttles, ETA 9s"); // 5
																					// quiet
																					// seconds:
																					// +5
																					// x
																					// 200
																					// WCU/s

		clock.addAndGet(10 * SECOND);
		reporter.tick();
		clock.addAndGet(10 * SECOND);
		reporter.tick();
		assertThat(shown).last().isEqualTo("idle play");
		reporter.close();
		assertThat(shown).last().isEqualTo("closed");
	}

	@Test
	void anUnknownRowCount_showsARunningCountWithoutEta() {
		ProgressReporter reporter = new ProgressReporter(recording, clock::get, null);
		reporter
			.track(new StepProgress("play", "plays", () -> 1500, () -> 1500, () -> 0, null, new CompletableFuture<>()));
		clock.addAndGet(3 * SECOND);
		reporter.tick();
		assertThat(shown).containsExactly(
				"Progress [step=play, table=plays] 1500 items, 500 items/s, 500 WCU/s (unlimited), 0 throttles");
	}

	@Test
	void etasAreShortAndReadable() {
		assertThat(ProgressLine.format(Duration.ofSeconds(42))).isEqualTo("42s");
		assertThat(ProgressLine.format(Duration.ofSeconds(125))).isEqualTo("2m05s");
		assertThat(ProgressLine.format(Duration.ofSeconds(7322))).isEqualTo("2h02m");
	}

}
