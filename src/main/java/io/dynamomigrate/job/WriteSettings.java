package io.dynamomigrate.job;

import java.time.Duration;

import io.dynamomigrate.mapping.model.WriteBudget;
import io.dynamomigrate.progress.ProgressMode;
import org.jspecify.annotations.Nullable;

/**
 * How a run writes: the write budget given on the command line (wins over the mapping's),
 * how many {@code BatchWriteItem} calls may be in flight, and how progress is shown.
 * Immutable.
 *
 * @param budget {@code --max-write-capacity}, or null for the mapping's or the default
 * @param concurrency {@code --write-concurrency}: calls in flight at most, over all steps
 * of the run
 * @param progress {@code --progress}
 * @param progressInterval {@code --progress-interval}: between log lines
 * @param prewarm {@code --prewarm}: the warm write throughput (WCU/s) to raise every
 * target table and its indexes to before the load, or 0 for none
 */
public record WriteSettings(@Nullable WriteBudget budget, int concurrency, ProgressMode progress,
		Duration progressInterval, long prewarm) {

	/** The default number of {@code BatchWriteItem} calls in flight. */
	public static final int DEFAULT_CONCURRENCY = 8;

	/**
	 * The defaults: budgets from the mapping or the tables, 8 calls in flight, progress
	 * shown as fits the output.
	 */
	public static final WriteSettings DEFAULT = new WriteSettings(null, DEFAULT_CONCURRENCY, ProgressMode.AUTO,
			Duration.ofSeconds(10));

	public WriteSettings {
		if (concurrency < 1 || concurrency > 256) {
			throw new IllegalArgumentException("The write concurrency must be 1 to 256, not " + concurrency);
		}
		if (prewarm < 0) {
			throw new IllegalArgumentException("The pre-warm throughput must be 0 (none) or more, not " + prewarm);
		}
	}

	/** Settings without pre-warming. */
	public WriteSettings(@Nullable WriteBudget budget, int concurrency, ProgressMode progress,
			Duration progressInterval) {
		this(budget, concurrency, progress, progressInterval, 0);
	}

	/**
	 * Settings from the command line's text.
	 * @param budget the {@code --max-write-capacity} text (WCU, a percentage, or
	 * unlimited), or null
	 * @throws IllegalArgumentException naming {@code --max-write-capacity} and the fix
	 * when the budget is not one
	 */
	public static WriteSettings of(@Nullable String budget, int concurrency, ProgressMode progress,
			Duration progressInterval, long prewarm) {
		return new WriteSettings(budget != null ? WriteBudget.parse(budget, "--max-write-capacity") : null, concurrency,
				progress, progressInterval, prewarm);
	}

}
