package io.dynamomigrate.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.dynamomigrate.dynamodb.client.DynamoDbTarget;
import io.dynamomigrate.dynamodb.table.TableProvisioner;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.model.TableSpec;
import io.dynamomigrate.report.ReportFiles;
import io.dynamomigrate.report.RunSummary;
import io.dynamomigrate.report.VerificationResults;
import io.dynamomigrate.report.VerifyReport;
import io.dynamomigrate.report.VerifyingWriter;
import io.dynamomigrate.session.MigrationSession;
import io.dynamomigrate.session.ScratchFile;

/**
 * {@code verify} on a session that holds the mapping, its source, the target, the Spring
 * Batch context and shutdown handling: recomputes the expected items from the source with
 * the real readers and processors, compares them with the target through strongly
 * consistent {@code BatchGetItem} calls, optionally scans the target for items the source
 * does not explain, and writes the report. Every table's reads are paced by a
 * {@link ReadCapacityLimiter}. The results are kept in a scratch file of the state
 * directory while it runs. Used by one thread.
 */
public final class VerifyService {

	private final MigrationSession session;

	public VerifyService(MigrationSession session) {
		this.session = session;
	}

	/** Why there is nothing to verify (a target table that does not exist), or empty. */
	public Optional<String> missingTable() {
		DynamoDbTarget dynamodb = session.target();
		TableProvisioner provisioner = new TableProvisioner(dynamodb.client());
		for (TableSpec table : session.mapping().tables()) {
			if (provisioner.describeOrNull(table.name()) == null) {
				return Optional.of(String.format(
						"The table %s does not exist at %s; there is nothing to verify. Run "
								+ "the migration first, or check --endpoint-url and --region.",
						table.name(), dynamodb.description()));
			}
		}
		return Optional.empty();
	}

	/**
	 * Compares the target with the source (and scans it, if asked), and writes the
	 * report.
	 */
	public VerifyResult verify(VerifyOptions options) throws IOException, InterruptedException {
		MappingSpec mapping = session.mapping();
		DynamoDbTarget dynamodb = session.target();
		try (ScratchFile scratch = session.scratchFile("verify-", "verify.mv");
				VerificationResults results = new VerificationResults(scratch.file())) {
			Map<String, ReadCapacityLimiter> budgets = new HashMap<>();
			mapping.tables()
				.forEach((t) -> budgets.put(t.name(), ReadCapacityLimiter.system(t.name(), options.readCapacity())));
			RunSummary summary = session.runner()
				.build()
				.execute(mapping.name() + "-verify", mapping, session.source(),
						(item, table, rejects) -> new VerifyingWriter(table, item.onDuplicateKey(),
								Objects.requireNonNull(budgets.get(table.name())).fetcher(dynamodb), results,
								options.samplePercent()),
						dynamodb.description(), dynamodb.region(), session.stateDirectory());
			if (!"COMPLETED".equals(summary.status())) {
				return new VerifyResult(summary, null, null);
			}
			if (options.scan()) {
				for (TableSpec table : mapping.tables()) {
					TargetScan.scan(dynamodb, table, results, Objects.requireNonNull(budgets.get(table.name())));
				}
			}
			VerifyReport report = report(mapping, results, options);
			Path html = ReportFiles.write(report, options.reportDirectory(),
					mapping.name() + "-verify-" + summary.executionId());
			return new VerifyResult(summary, report, html);
		}
	}

	private static VerifyReport report(MappingSpec mapping, VerificationResults results, VerifyOptions options) {
		List<VerifyReport.TableResult> tables = new ArrayList<>();
		mapping.tables().forEach((t) -> tables.add(results.table(t.name())));
		boolean identical = tables.stream()
			.allMatch((t) -> t.missing() == 0 && t.different() == 0 && t.unexpected() == 0);
		return new VerifyReport(mapping.name(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), identical,
				options.sampling(), options.scan(), tables);
	}

}
