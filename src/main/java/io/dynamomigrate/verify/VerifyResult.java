package io.dynamomigrate.verify;

import java.nio.file.Path;

import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.report.RunSummary;
import io.dynamomigrate.report.VerifyReport;
import org.jspecify.annotations.Nullable;

/**
 * What a verification found.
 *
 * @param summary the summary of the execution that recomputed and compared the expected
 * items
 * @param report the report, or null when that execution did not complete
 * @param html the HTML report (the JSON one is beside it), or null without a report
 */
public record VerifyResult(RunSummary summary, @Nullable VerifyReport report, @Nullable Path html) {

	/** Exit code: missing, differing or unexpected items were found. */
	public static final int DIFFERENCES = 7;

	/**
	 * {@link ExitCodes#SUCCESS} when the target holds exactly the expected items, else
	 * why not.
	 */
	public int exitCode() {
		if (report == null) {
			return ExitCodes.FAILED;
		}
		return report.identical() ? ExitCodes.SUCCESS : DIFFERENCES;
	}

}
