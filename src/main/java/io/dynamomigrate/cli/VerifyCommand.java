package io.dynamomigrate.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.zaxxer.hikari.HikariDataSource;
import io.dynamomigrate.dynamodb.capacity.Sleeper;
import io.dynamomigrate.dynamodb.capacity.WriteCapacityLimiter;
import io.dynamomigrate.dynamodb.client.DynamoDbTarget;
import io.dynamomigrate.dynamodb.table.ItemFetcher;
import io.dynamomigrate.dynamodb.table.TableProvisioner;
import io.dynamomigrate.dynamodb.write.UnprocessedItemsBackoff;
import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.job.MigrationRunner;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.model.TableSpec;
import io.dynamomigrate.report.ItemKeys;
import io.dynamomigrate.report.ReportFiles;
import io.dynamomigrate.report.RunSummary;
import io.dynamomigrate.report.VerificationResults;
import io.dynamomigrate.report.VerifyReport;
import io.dynamomigrate.report.VerifyingWriter;
import io.dynamomigrate.transform.ItemSizes;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code verify}: recomputes the expected items from the source and compares them with the target.
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
final class VerifyCommand implements Callable<Integer> {

	static final int DIFFERENCES = 7;

	@Parameters(index = "0", paramLabel = "MAPPING", description = "The mapping file (YAML).")
	Path mapping;

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
		if (samplePercent <= 0 || samplePercent > 100) {
			err.println("--sample must be more than 0 and at most 100.");
			return ExitCodes.INVALID;
		}
		MappingSpec loaded = Mappings.loadOrReport(mapping, source, err);
		if (loaded == null) {
			return ExitCodes.INVALID;
		}
		try (HikariDataSource dataSource = JdbcSourceCheck.open(loaded, mapping, err);
				DynamoDbTarget dynamodb = target.connect(loaded.dynamodb(), state.stateDirectory, 8)) {
			if (dataSource == null) {
				return ExitCodes.INVALID;
			}
			for (TableSpec table : loaded.tables()) {
				if (new TableProvisioner(dynamodb.client()).describeOrNull(table.name()) == null) {
					err.printf("The table %s does not exist at %s; there is nothing to verify. Run the migration "
							+ "first, or check --endpoint-url and --region.%n", table.name(), dynamodb.description());
					return ExitCodes.FAILED;
				}
			}
			try (ScratchFile scratch = ScratchFile.create(state.stateDirectory, "verify-", "verify.mv");
					VerificationResults results = new VerificationResults(scratch.file());
					ConfigurableApplicationContext batch = state.startBatch();
					GracefulShutdown shutdown = GracefulShutdown.install(batch.getBean(JobRepository.class), err)) {
				out.printf("Verifying %s against %s (region %s)...%n", loaded.name(), dynamodb.description(),
						dynamodb.region());
				out.flush();
				Map<String, WriteCapacityLimiter> budgets = new HashMap<>();
				loaded.tables().forEach((t) -> budgets.put(t.name(), WriteCapacityLimiter.system(t.name(), readCapacity)));
				MigrationRunner runner = Runners.of(batch, shutdown);
				RunSummary summary = runner.execute(loaded.name() + "-verify", loaded, dataSource,
						(item, table, rejects) -> new VerifyingWriter(table, item.onDuplicateKey(),
								new ItemFetcher(dynamodb.client(), budgets.get(table.name()),
										UnprocessedItemsBackoff.DEFAULT, Sleeper.SYSTEM),
								results, samplePercent),
						dynamodb.description(), dynamodb.region(), state.stateDirectory);
				if (!"COMPLETED".equals(summary.status())) {
					err.printf("The verification failed: %s%n", summary.failure());
					return ExitCodes.FAILED;
				}
				if (scan) {
					for (TableSpec table : loaded.tables()) {
						scan(dynamodb, table, results, budgets.get(table.name()));
					}
				}
				List<VerifyReport.TableResult> tables = new ArrayList<>();
				loaded.tables().forEach((t) -> tables.add(results.table(t.name())));
				boolean identical = tables.stream()
					.allMatch((t) -> t.missing() == 0 && t.different() == 0 && t.unexpected() == 0);
				VerifyReport report = new VerifyReport(loaded.name(),
						Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), identical,
						samplePercent >= 100 ? "all items compared"
								: samplePercent + "% of items compared, chosen by the SHA-256 of their keys",
						scan, tables);
				Path directory = state.reportDirectory(reportDirectory);
				Path html = ReportFiles.write(report, directory, loaded.name() + "-verify-" + summary.executionId());
				print(report, out);
				if (summary.rejected() > 0) {
					out.printf("Rejected: %d source records cannot become items (as a run rejects them), so they are "
							+ "not expected in the target; see %s%n", summary.rejected(), summary.rejectsFile());
				}
				out.printf("Report: %s (and .json)%n", html);
				out.flush();
				return identical ? ExitCodes.SUCCESS : DIFFERENCES;
			}
		}
	}

	private static void scan(DynamoDbTarget dynamodb, TableSpec table, VerificationResults results,
			WriteCapacityLimiter budget) throws InterruptedException {
		for (var page : dynamodb.client().scanPaginator((b) -> b.tableName(table.name()))) {
			long units = 0;
			for (Map<String, AttributeValue> item : page.items()) {
				units += ItemFetcher.readUnits(ItemSizes.of(item));
				Map<String, AttributeValue> key = new LinkedHashMap<>();
				table.keyAttributeNames().forEach((name) -> key.put(name, item.get(name)));
				String text = ItemKeys.text(key);
				if (!results.isExpected(table.name(), text)) {
					results.unexpected(table.name(), text, item);
				}
			}
			budget.acquire(Math.max(1, units / 2));
		}
	}

	private static void print(VerifyReport report, PrintWriter out) {
		out.printf("%-20s %10s %10s %10s %10s %10s%n", "table", "expected", "compared", "missing", "different",
				"unexpected");
		for (VerifyReport.TableResult table : report.tables()) {
			out.printf("%-20s %10d %10d %10d %10d %10s%n", table.table(), table.expected(), table.compared(),
					table.missing(), table.different(), report.scanned() ? String.valueOf(table.unexpected()) : "-");
		}
		out.println(report.identical() ? "Identical: the target holds exactly the expected items."
				: "Different: see the examples in the report.");
	}

}
