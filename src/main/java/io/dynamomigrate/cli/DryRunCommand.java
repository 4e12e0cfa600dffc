package io.dynamomigrate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import io.dynamomigrate.dryrun.DryRunOptions;
import io.dynamomigrate.dryrun.DryRunResult;
import io.dynamomigrate.dryrun.DryRunService;
import io.dynamomigrate.report.DryRunPricing;
import io.dynamomigrate.report.DryRunReport;
import io.dynamomigrate.report.DryRunReportBuilder;
import io.dynamomigrate.report.RegionPrices;
import io.dynamomigrate.session.MigrationSession;
import io.dynamomigrate.session.SessionOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dry-run}: reads and maps everything with the real readers and processors, writes
 * nothing, creates nothing, and reports what a run would do.
 */
@Command(name = "dry-run", mixinStandardHelpOptions = true,
		description = { "Read and map everything as a run would, write nothing and create nothing, and report: "
				+ "rejects by reason with samples, item sizes, key collisions across the run, write units, estimated "
				+ "duration and on-demand cost, hot partition keys, and checks against existing target tables "
				+ "(read-only: DescribeTable and a sampled BatchGetItem).",
				"It compares the two ways of loading: writes (write units x the price per million) and, for new "
						+ "tables, Import from S3 (uncompressed GB x the price per GB; `run --via-import`), with the "
						+ "expected duration of each, and recommends the cheaper one; --max-estimated-cost applies to "
						+ "the recommended one. Prices come from the price table of the target's region (us-east-1 "
						+ "when it has none) unless given.",
				"The report is written as JSON and as a self-contained HTML page; the exit code tells the verdict." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:ready", "5:ready with warnings (see the report)",
				"6:not ready (a blocking problem, or the estimated cost is over --max-estimated-cost)",
				"1:the dry run itself failed", "2:the mapping is invalid or the command line is wrong" })
final class DryRunCommand extends SessionCommand {

	@Option(names = "--report", paramLabel = "DIR",
			description = "Where to write the report (default: <state-dir>/reports).")
	Path reportDirectory;

	@Option(names = "--max-estimated-cost", paramLabel = "USD",
			description = "Make the verdict NOT_READY when the estimated cost of the recommended path (writes or "
					+ "Import from S3) is higher.")
	Double maxEstimatedCost;

	@Option(names = "--price-per-million-writes", paramLabel = "USD",
			description = "On-demand price per million write request units (default: the region's in the price "
					+ "table, us-east-1: 0.625, the standard-table list price after November 2024).")
	Double pricePerMillion;

	@Option(names = "--price-per-import-gb", paramLabel = "USD",
			description = "Import from S3 price per GB of uncompressed source data (default: the region's in the "
					+ "price table, us-east-1: 0.15).")
	Double pricePerImportGb;

	@Option(names = "--max-write-capacity", paramLabel = "WCU",
			description = "Write units per second to estimate durations with (default: a provisioned table's write "
					+ "capacity, or 1000 for on-demand tables).")
	Double writeUnitsPerSecond;

	@Option(names = "--prewarm", paramLabel = "WCU",
			description = "Show what run --prewarm WCU would cost: raising the warm throughput of every target table "
					+ "and its indexes to this many write units per second is paid once and cannot be undone. "
					+ "Counted from the existing tables' warm throughput (a new table starts at 4000 WCU/s); "
					+ "included in the total cost.")
	Long prewarm;

	@Option(names = "--price-per-prewarm-wcu", paramLabel = "USD",
			defaultValue = "" + DryRunPricing.DEFAULT_PREWARM_PRICE,
			description = "Price of pre-warming per write unit per second of warm throughput added (default: "
					+ "${DEFAULT-VALUE}, this tool's us-east-1 assumption; check the AWS pricing page of your region).")
	double pricePerPrewarmWriteUnit;

	@Option(names = "--no-target-check", negatable = false,
			description = "Do not look at the target tables (no DynamoDB call at all).")
	boolean noTargetCheck;

	@Mixin
	MigrationOptions options;

	@Override
	SessionOptions session() {
		return options.session().check(this::checkPrewarm).warnings().source().shutdown();
	}

	@Override
	int call(MigrationSession session, PrintWriter out, PrintWriter err) throws Exception {
		out.printf("Dry run of %s: reading and mapping everything, writing nothing...%n", session.mapping().name());
		out.flush();
		DryRunResult result = new DryRunService(session).run(
				new DryRunOptions(prices(session), maxEstimatedCost, writeUnitsPerSecond, prewarm != null ? prewarm : 0,
						pricePerPrewarmWriteUnit, !noTargetCheck, options.reportDirectory(reportDirectory)));
		print(result, out);
		return result.exitCode();
	}

	/**
	 * The prices of the target's region (the price table), with the command line's
	 * overrides.
	 */
	private RegionPrices prices(MigrationSession session) {
		String region = options.region() != null ? options.region() : session.mapping().dynamodb().region();
		RegionPrices prices = RegionPrices.of(region);
		if (pricePerMillion == null && pricePerImportGb == null) {
			return prices;
		}
		return new RegionPrices(prices.region(), pricePerMillion != null ? pricePerMillion : prices.writePerMillion(),
				pricePerImportGb != null ? pricePerImportGb : prices.importPerGb(),
				"prices given on the command line where set (--price-per-million-writes, --price-per-import-gb), "
						+ "else " + prices.basis());
	}

	private void checkPrewarm() {
		if (prewarm != null && prewarm < 1) {
			throw new IllegalArgumentException("--prewarm: " + prewarm + " is not a write throughput. Fix: give the "
					+ "write units per second to pre-warm to (at least 1), or leave the option out.");
		}
	}

	private static String duration(double seconds) {
		return seconds < 120 ? Math.round(seconds) + " s" : Math.round(seconds / 60) + " min";
	}

	private static String gigabytes(long bytes) {
		return String.format(java.util.Locale.ROOT, "%.3f GB", bytes / 1e9);
	}

	private static void print(DryRunResult result, PrintWriter out) {
		DryRunReport report = result.report();
		out.printf("%s%n", report.verdictText());
		if (report.pricing().prewarm() != null) {
			out.printf(
					"Pre-warm to %d WCU/s: adds %d WCU/s of warm throughput, %s USD once (paid, cannot be "
							+ "undone; included in the estimated total of %s USD).%n",
					report.pricing().prewarm(), result.prewarmWriteUnits(),
					DryRunReportBuilder.usd(report.pricing().prewarmCost()),
					DryRunReportBuilder.usd(report.pricing().totalCost()));
		}
		DryRunReport.LoadPaths paths = report.paths();
		out.printf("Cost by writes: %s USD, about %s; by Import from S3: %s USD for %s of DynamoDB JSON, about %s%s.%n",
				DryRunReportBuilder.usd(paths.writeCost()), duration(paths.writeSeconds()),
				DryRunReportBuilder.usd(paths.importCost()), gigabytes(paths.importBytes()),
				duration(paths.importSeconds()), paths.importPossible() ? "" : " (not possible here)");
		out.printf("Recommendation: %s. %s%n", paths.recommended().equals("import") ? "Import from S3" : "writes",
				paths.reason());
		report.findings().forEach((f) -> out.printf("  %s %s%n", f.severity(), f.message()));
		out.printf("Report: %s (and .json)%n", result.html());
		out.flush();
	}

}
