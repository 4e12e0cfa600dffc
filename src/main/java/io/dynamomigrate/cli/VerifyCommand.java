package io.dynamomigrate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.report.RunSummary;
import io.dynamomigrate.report.VerifyReport;
import io.dynamomigrate.session.MigrationSession;
import io.dynamomigrate.session.SessionOptions;
import io.dynamomigrate.session.SessionRefusedException;
import io.dynamomigrate.verify.VerifyOptions;
import io.dynamomigrate.verify.VerifyResult;
import io.dynamomigrate.verify.VerifyService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code verify}: recomputes the expected items from the source and compares them with
 * the target.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
		description = { "After a run: recompute the expected items from the source (with the real readers and "
				+ "processors) and compare them with the target through strongly consistent BatchGetItem calls, "
				+ "attribute by attribute; with --scan, also scan the target for items the source does not explain.",
				"Reads are paced by a read-capacity budget. The report (JSON and HTML) lists missing, differing and "
						+ "unexpected items." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:the target holds exactly the expected items (of the sample)",
				"7:missing, differing or unexpected items were found (see the report)",
				"1:the verification itself failed", "2:the mapping is invalid or the command line is wrong" })
final class VerifyCommand extends SessionCommand {

	@Option(names = "--sample", paramLabel = "PERCENT", defaultValue = "100",
			description = "Compare this share of the items, chosen by a hash of their keys, so the same items are "
					+ "chosen every time (default: ${DEFAULT-VALUE}).")
	double samplePercent;

	@Option(names = "--scan", description = "Also scan the target tables for items the source does not explain.")
	boolean scan;

	@Option(names = "--max-read-capacity", paramLabel = "RCU", defaultValue = "1000",
			description = "Read units per second per table for BatchGetItem and Scan (default: ${DEFAULT-VALUE}).")
	long readCapacity;

	@Option(names = "--report", paramLabel = "DIR",
			description = "Where to write the report (default: <state-dir>/reports).")
	Path reportDirectory;

	@Mixin
	MigrationOptions options;

	@Override
	SessionOptions session() {
		if (samplePercent <= 0 || samplePercent > 100) {
			throw new SessionRefusedException(ExitCodes.INVALID, "--sample must be more than 0 and at most 100.");
		}
		return options.session().source().target(8).shutdown();
	}

	@Override
	int call(MigrationSession session, PrintWriter out, PrintWriter err) throws Exception {
		VerifyService service = new VerifyService(session);
		Optional<String> missing = service.missingTable();
		if (missing.isPresent()) {
			err.println(missing.get());
			return ExitCodes.FAILED;
		}
		out.printf("Verifying %s against %s (region %s)...%n", session.mapping().name(), session.targetDescription(),
				session.targetRegion());
		out.flush();
		VerifyResult result = service
			.verify(new VerifyOptions(samplePercent, scan, readCapacity, options.reportDirectory(reportDirectory)));
		print(result, out, err);
		return result.exitCode();
	}

	private static void print(VerifyResult result, PrintWriter out, PrintWriter err) {
		RunSummary summary = result.summary();
		VerifyReport report = result.report();
		if (report == null) {
			err.printf("The verification failed: %s%n", summary.failure());
			return;
		}
		out.printf("%-20s %10s %10s %10s %10s %10s%n", "table", "expected", "compared", "missing", "different",
				"unexpected");
		for (VerifyReport.TableResult table : report.tables()) {
			out.printf("%-20s %10d %10d %10d %10d %10s%n", table.table(), table.expected(), table.compared(),
					table.missing(), table.different(), report.scanned() ? String.valueOf(table.unexpected()) : "-");
		}
		out.println(report.identical() ? "Identical: the target holds exactly the expected items."
				: "Different: see the examples in the report.");
		if (summary.rejected() > 0) {
			out.printf("Rejected: %d source records cannot become items (as a run rejects them), so they are "
					+ "not expected in the target; see %s%n", summary.rejected(), summary.rejectsFile());
		}
		out.printf("Report: %s (and .json)%n", result.html());
		out.flush();
	}

}
