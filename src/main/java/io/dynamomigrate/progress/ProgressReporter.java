package io.dynamomigrate.progress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * Shows the progress of a run's steps every interval, on its own daemon thread: a step is
 * active from the tick at which it has first written and idle after two ticks without
 * writing; its rates (and so its ETA) are those since the previous update. On a terminal
 * each active step has a progress bar; otherwise each active step logs one INFO line per
 * interval. Counters are those of the current execution: after a restart they start from
 * zero, so the ETA is an over-estimate. Thread-safe: steps may be tracked from any
 * thread; {@link #close()} shows the last state and stops.
 */
public final class ProgressReporter implements AutoCloseable {

	private final ProgressOutput output;

	private final LongSupplier nanoTime;

	private final List<StepProgress> steps = new ArrayList<>();

	private final Map<String, long[]> state = new HashMap<>();

	private final @Nullable ScheduledExecutorService scheduler;

	private long lastTick;

	ProgressReporter(ProgressOutput output, LongSupplier nanoTime, @Nullable Duration interval) {
		this.output = output;
		this.nanoTime = nanoTime;
		this.lastTick = nanoTime.getAsLong();
		if (interval != null) {
			this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "progress");
				thread.setDaemon(true);
				return thread;
			});
			this.scheduler.scheduleAtFixedRate(this::tick, interval.toMillis(), interval.toMillis(),
					TimeUnit.MILLISECONDS);
		}
		else {
			this.scheduler = null;
		}
	}

	/**
	 * A reporter in the given mode; {@code AUTO} draws bars when the process has a
	 * console, else logs.
	 * @param interval between log lines (bars are redrawn more often)
	 */
	public static @Nullable ProgressReporter start(ProgressMode mode, Duration interval) {
		ProgressMode effective = mode == ProgressMode.AUTO
				? (System.console() != null ? ProgressMode.BAR : ProgressMode.LOG) : mode;
		return switch (effective) {
			case BAR -> new ProgressReporter(new BarProgressOutput(), System::nanoTime, Duration.ofSeconds(1));
			case LOG -> new ProgressReporter(new LogProgressOutput(), System::nanoTime, interval);
			default -> null;
		};
	}

	/** Follows a step from now on. */
	public synchronized void track(StepProgress step) {
		steps.add(step);
	}

	/**
	 * Shows every step that wrote since the last tick; marks steps idle after two quiet
	 * ticks.
	 */
	synchronized void tick() {
		long now = nanoTime.getAsLong();
		for (StepProgress step : steps) {
			String key = step.step() + "/" + step.table();
			long items = step.items().getAsLong();
			long[] seen = state.get(key); // {time of the last update, items then, WCU
											// then, quiet ticks}
			if (seen == null) {
				if (items == 0) {
					continue;
				}
				seen = new long[] { lastTick, 0, 0, 0 };
				state.put(key, seen);
			}
			if (items != seen[1]) {
				long writeUnits = step.writeUnits().getAsLong();
				output.update(ProgressLine.of(step, items, items - seen[1], writeUnits - seen[2],
						Duration.ofNanos(now - seen[0])));
				seen[0] = now;
				seen[1] = items;
				seen[2] = writeUnits;
				seen[3] = 0;
			}
			else if (++seen[3] == 2) {
				output.idle(step.step());
			}
		}
		lastTick = now;
	}

	@Override
	public void close() {
		if (scheduler != null) {
			scheduler.shutdownNow();
		}
		synchronized (this) {
			output.close();
		}
	}

}
