package io.dynamomigrate.cli;

import java.time.Duration;

import io.dynamomigrate.job.WriteSettings;
import io.dynamomigrate.mapping.model.WriteBudget;
import io.dynamomigrate.progress.ProgressMode;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Options of commands that write: the write budget, the calls in flight, and how progress
 * is shown.
 */
final class ThroughputOptions {

	@Option(names = "--max-write-capacity", paramLabel = "WCU|N%|unlimited",
			description = { "Write budget per target table, in write capacity units per second (e.g. 1500), as a "
					+ "percentage of the table's provisioned write capacity (e.g. 50%%), or unlimited. Shared by every "
					+ "step writing to the table; never exceeded in any 1-second window. Default: the table's "
					+ "writeBudget in the mapping, else 50%% of a provisioned table; for an on-demand table its warm "
					+ "throughput as DescribeTable shows it (the lowest of the table and its indexes), else 4000 "
					+ "WCU/s. The run summary says where the budget came from." })
	@Nullable String maxWriteCapacity;

	@Option(names = "--prewarm", paramLabel = "WCU",
			description = { "Before the load, raise the warm throughput (what a table takes at once) of every target "
					+ "table and its indexes to this many write units per second: UpdateTable (or CreateTable) with "
					+ "WarmThroughput, then wait until the table is ACTIVE. PAID, AND CANNOT BE UNDONE: AWS charges "
					+ "for the increase once, and warm throughput never goes down. A value at or below the current "
					+ "warm throughput does nothing. dry-run --prewarm shows the cost. Default: no pre-warming." })
	@Nullable Long prewarm;

	@Option(names = "--write-concurrency", paramLabel = "N", defaultValue = "" + WriteSettings.DEFAULT_CONCURRENCY,
			description = "BatchWriteItem calls in flight at most, over all steps (default: ${DEFAULT-VALUE}).")
	int writeConcurrency;

	@Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
			description = "Progress: auto (a bar on a terminal, else log lines), bar, log or off (default: "
					+ "${DEFAULT-VALUE}).")
	String progress;

	@Option(names = "--progress-interval", paramLabel = "SECONDS", defaultValue = "10",
			description = "Seconds between progress log lines (default: ${DEFAULT-VALUE}).")
	int progressInterval;

	/**
	 * The settings, or an {@link IllegalArgumentException} naming the option and the fix.
	 */
	WriteSettings settings() {
		ProgressMode mode;
		try {
			mode = ProgressMode.valueOf(progress.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"--progress: '" + progress + "' is not a progress mode. Fix: use auto, " + "bar, log or off.");
		}
		if (writeConcurrency < 1 || writeConcurrency > 256) {
			throw new IllegalArgumentException(
					"--write-concurrency: " + writeConcurrency + " is out of range. Fix: " + "give 1 to 256.");
		}
		if (progressInterval < 1) {
			throw new IllegalArgumentException("--progress-interval: give at least 1 second.");
		}
		if (prewarm != null && prewarm < 1) {
			throw new IllegalArgumentException("--prewarm: " + prewarm + " is not a write throughput. Fix: give the "
					+ "write units per second to pre-warm to (at least 1), or leave the option out.");
		}
		return WriteSettings.of(maxWriteCapacity, writeConcurrency, mode, Duration.ofSeconds(progressInterval),
				prewarm != null ? prewarm : 0);
	}

}
