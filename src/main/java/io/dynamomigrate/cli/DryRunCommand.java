package io.dynamomigrate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.zaxxer.hikari.HikariDataSource;
import io.dynamomigrate.dynamodb.client.DynamoDbTarget;
import io.dynamomigrate.dynamodb.table.TargetInspector;
import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.job.MigrationRunner;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.model.TableSpec;
import io.dynamomigrate.report.DryRunFindings;
import io.dynamomigrate.report.DryRunReport;
import io.dynamomigrate.report.DryRunReportBuilder;
import io.dynamomigrate.report.DryRunWriter;
import io.dynamomigrate.report.ReportFiles;
import io.dynamomigrate.report.RunSummary;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dry-run}: reads and maps everything with the real readers and processors, writes nothing, creates nothing,
 * and reports what a run would do.
 */
@Command(name = "dry-run", mixinStandardHelpOptions = true,
		description = { "Read and map everything as a run would, write nothing and create nothing, and report: "
				+ "rejects by reason with samples, item sizes, key collisions across the run, write units, estimated "
				+ "duration and on-demand cost, hot partition keys, and checks against existing target tables "
				+ "(read-only: DescribeTable and a sampled BatchGetItem).",
				"The report is written as JSON and as a self-contained HTML page; the exit code tells the verdict." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:ready", "5:ready with warnings (see the report)",
				"6:not ready (a blocking problem, or the estimated cost is over --max-estimated-cost)",
				"1:the dry run itself failed", "2:the mapping is invalid or the command line is wrong" })
final class DryRunCommand implements Callable<Integer> {

	static final int READY_WITH_WARNINGS = 5;

	static final int NOT_READY = 6;

	@Parameters(index = "0", paramLabel = "MAPPING", description = "The mapping file (YAML).")
	Path mapping;

	@Option(names = "--report", paramLabel = "DIR",
			description = "Where to write the report (default: <state-dir>/reports).")
	Path reportDirectory;

	@Option(names = "--max-estimated-cost", paramLabel = "USD",
			description = "Make the verdict NOT_READY when the estimated on-demand cost is higher.")
	Double maxEstimatedCost;

	@Option(names = "--price-per-million-writes", paramLabel = "USD", defaultValue = "0.625",
			description = "On-demand price per million write request units (default: ${DEFAULT-VALUE}, the us-east-1 "
					+ "standard-table list price published in November 2024).")
	double pricePerMillion;

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
			defaultValue = "" + DryRunReportBuilder.Pricing.DEFAULT_PREWARM_PRICE,
			description = "Price of pre-warming per write unit per second of warm throughput added (default: "
					+ "${DEFAULT-VALUE}, this tool's us-east-1 assumption; check the AWS pricing page of your region).")
	double pricePerPrewarmWriteUnit;

	@Option(names = "--no-target-check", negatable = false,
			description = "Do not look at the target tables (no DynamoDB call at all).")
	boolean noTargetCheck;

	@Mixin
	SourceOptions source;

	@Mixin
	TargetOptions target;

	@Mixin
	StateOptions state;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		MappingSpec loaded = Mappings.loadOrReport(mapping, source, err);
		if (loaded == null) {
			return ExitCodes.INVALID;
		}
		if (prewarm != null && prewarm < 1) {
			err.println("--prewarm: " + prewarm + " is not a write throughput. Fix: give the write units per second "
					+ "to pre-warm to (at least 1), or leave the option out.");
			err.flush();
			return ExitCodes.INVALID;
		}
		Mappings.warn(loaded, err);
		try (HikariDataSource dataSource = JdbcSourceCheck.open(loaded, mapping, err)) {
			if (dataSource == null) {
				return ExitCodes.INVALID;
			}
			RunSummary summary;
			DryRunReport report;
			try (ScratchFile scratch = ScratchFile.create(state.stateDirectory, "dry-run-", "keys.mv");
					DryRunFindings findings = new DryRunFindings(scratch.file());
					ConfigurableApplicationContext batch = state.startBatch();
					GracefulShutdown shutdown = GracefulShutdown.install(batch.getBean(JobRepository.class), err)) {
				out.printf("Dry run of %s: reading and mapping everything, writing nothing...%n", loaded.name());
				out.flush();
				MigrationRunner runner = Runners.of(batch, shutdown);
				summary = runner.execute(loaded.name() + "-dry-run", loaded, dataSource,
						(item, table, rejects) -> new DryRunWriter(item.name(), table, item.onDuplicateKey(),
								findings, rejects),
						"none (dry run)", "-", state.stateDirectory);
				Map<String, TargetInspector.Inspection> inspections = new LinkedHashMap<>();
				String note = noTargetCheck ? "--no-target-check" : null;
				if (!noTargetCheck) {
					note = inspect(loaded, findings, inspections);
				}
				report = new DryRunReportBuilder(new DryRunReportBuilder.Pricing(pricePerMillion,
						DryRunReportBuilder.Pricing.DEFAULT_BASIS, maxEstimatedCost, prewarm(),
						pricePerPrewarmWriteUnit), writeUnitsPerSecond)
					.build(loaded, summary, findings, inspections, note);
			}
			Path directory = state.reportDirectory(reportDirectory);
			Path html = ReportFiles.write(report, directory, loaded.name() + "-dry-run-" + summary.executionId());
			out.printf("%s%n", report.verdictText());
			if (report.pricing().prewarm() != null) {
				out.printf("Pre-warm to %d WCU/s: adds %d WCU/s of warm throughput, %s USD once (paid, cannot be "
						+ "undone; included in the estimated total of %s USD).%n", report.pricing().prewarm(),
						report.tables().stream().mapToLong(DryRunReport.TableReport::prewarmWriteUnits).sum(),
						DryRunReportBuilder.usd(report.pricing().prewarmCost()),
						DryRunReportBuilder.usd(report.pricing().totalCost()));
			}
			report.findings().forEach((f) -> out.printf("  %s %s%n", f.severity(), f.message()));
			out.printf("Report: %s (and .json)%n", html);
			out.flush();
			return switch (report.verdict()) {
				case READY -> ExitCodes.SUCCESS;
				case READY_WITH_WARNINGS -> READY_WITH_WARNINGS;
				case NOT_READY -> NOT_READY;
			};
		}
	}

	private long prewarm() {
		return prewarm != null ? prewarm : 0;
	}

	private String inspect(MappingSpec loaded, DryRunFindings findings,
			Map<String, TargetInspector.Inspection> inspections) {
		try (DynamoDbTarget dynamodb = target.connect(loaded.dynamodb(), state.stateDirectory, 4)) {
			TargetInspector inspector = new TargetInspector(dynamodb.client());
			for (TableSpec table : loaded.tables()) {
				inspections.put(table.name(), inspector.inspect(table, findings.keySample(table.name()), prewarm()));
			}
			return "checked at " + dynamodb.description();
		}
		catch (RuntimeException ex) {
			inspections.clear();
			return "the target could not be reached: " + ex.getMessage();
		}
	}

}
