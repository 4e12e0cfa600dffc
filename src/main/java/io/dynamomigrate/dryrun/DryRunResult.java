package io.dynamomigrate.dryrun;

import java.nio.file.Path;

import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.report.DryRunReport;

/**
 * What a dry run found: its report, where the report was written, and the exit code of
 * its verdict.
 *
 * @param report the report
 * @param html the HTML report (the JSON one is beside it)
 */
public record DryRunResult(DryRunReport report, Path html) {

	/** Exit code: ready, with warnings (see the report). */
	public static final int READY_WITH_WARNINGS = 5;

	/**
	 * Exit code: not ready (a blocking problem, or the estimated cost is over the limit).
	 */
	public static final int NOT_READY = 6;

	/** The exit code of the verdict. */
	public int exitCode() {
		return switch (report.verdict()) {
			case READY -> ExitCodes.SUCCESS;
			case READY_WITH_WARNINGS -> READY_WITH_WARNINGS;
			case NOT_READY -> NOT_READY;
		};
	}

	/** The warm throughput that pre-warming adds over every table and index (WCU/s). */
	public long prewarmWriteUnits() {
		return report.tables().stream().mapToLong(DryRunReport.TableReport::prewarmWriteUnits).sum();
	}

}
