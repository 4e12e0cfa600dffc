package io.dynamomigrate.progress;

import java.time.Duration;
import java.util.Locale;

import io.dynamomigrate.dynamodb.capacity.WriteCapacityLimiter;
import org.jspecify.annotations.Nullable;

/**
 * One step's progress at one moment, with rates over the last interval, and the text
 * shown for it. Immutable.
 *
 * @param step the step name
 * @param table the target table
 * @param items items written
 * @param expected source rows, or -1 when unknown
 * @param itemsPerSecond items written per second over the last interval
 * @param writeUnitsPerSecond WCU sent per second over the last interval
 * @param throttles throttles so far
 * @param effectiveRate the table's effective rate now, WCU/s, or 0 when unlimited
 * @param budget the table's budget, WCU/s, or 0 when unlimited
 * @param eta the time left at the current rate, or null when unknown
 */
public record ProgressLine(String step, String table, long items, long expected, double itemsPerSecond,
		double writeUnitsPerSecond, long throttles, double effectiveRate, long budget, @Nullable Duration eta) {

	/**
	 * The progress of a step with {@code items} written, {@code newItems} items and
	 * {@code newWriteUnits} WCU of them in the last {@code elapsed}.
	 */
	static ProgressLine of(StepProgress progress, long items, long newItems, long newWriteUnits, Duration elapsed) {
		double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-3);
		long expected = progress.expectedNow();
		double itemsPerSecond = newItems / seconds;
		WriteCapacityLimiter limiter = progress.limiter();
		Duration eta = expected > items && itemsPerSecond > 0
				? Duration.ofSeconds((long) Math.ceil((expected - items) / itemsPerSecond)) : null;
		return new ProgressLine(progress.step(), progress.table(), items, expected, itemsPerSecond,
				newWriteUnits / seconds, progress.throttles().getAsLong(),
				limiter != null ? limiter.effectiveRate() : 0, limiter != null ? limiter.budget() : 0, eta);
	}

	/**
	 * The rates part:
	 * {@code 1234 items/s, 2468 WCU/s (effective 4000 of 4000), 0 throttles}.
	 */
	String rates() {
		String capacity = budget > 0 ? String.format(Locale.ROOT, " (effective %.0f of %d)", effectiveRate, budget)
				: " (unlimited)";
		return String.format(Locale.ROOT, "%.0f items/s, %.0f WCU/s%s, %d throttles", itemsPerSecond,
				writeUnitsPerSecond, capacity, throttles);
	}

	/** The whole line, for logs. */
	String text() {
		String done = expected > 0
				? String.format(Locale.ROOT, "%d/%d items (%.0f%%)", items, expected, 100.0 * items / expected)
				: items + " items";
		String left = eta != null ? ", ETA " + format(eta) : "";
		return "Progress [step=" + step + ", table=" + table + "] " + done + ", " + rates() + left;
	}

	static String format(Duration duration) {
		long seconds = duration.toSeconds();
		return seconds >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60)
				: seconds >= 60 ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60) : seconds + "s";
	}

}
