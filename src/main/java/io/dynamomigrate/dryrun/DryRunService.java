package io.dynamomigrate.dryrun;

import java.io.IOException;
import java.nio.file.Path;

import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.report.DryRunFindings;
import io.dynamomigrate.report.DryRunReport;
import io.dynamomigrate.report.DryRunReportBuilder;
import io.dynamomigrate.report.DryRunWriter;
import io.dynamomigrate.report.ReportFiles;
import io.dynamomigrate.report.RunSummary;
import io.dynamomigrate.session.MigrationSession;
import io.dynamomigrate.session.ScratchFile;

/**
 * {@code dry-run} on a session that holds the mapping, its source, the Spring Batch
 * context and shutdown handling: reads and maps everything with the real readers and
 * processors, writes nothing and creates nothing, looks at the target tables, and writes
 * the report (JSON and HTML). The keys it would write are kept in a scratch file of the
 * state directory while it runs. Used by one thread.
 */
public final class DryRunService {

	private final MigrationSession session;

	public DryRunService(MigrationSession session) {
		this.session = session;
	}

	/** Runs the dry run and writes its report. */
	public DryRunResult run(DryRunOptions options) throws IOException {
		MappingSpec mapping = session.mapping();
		RunSummary summary;
		DryRunReport report;
		try (ScratchFile scratch = session.scratchFile("dry-run-", "keys.mv");
				DryRunFindings findings = new DryRunFindings(scratch.file())) {
			summary = session.runner()
				.build()
				.execute(mapping.name() + "-dry-run", mapping, session.source(), (item, table,
						rejects) -> new DryRunWriter(item.name(), table, item.onDuplicateKey(), findings, rejects),
						"none (dry run)", "-", session.stateDirectory());
			TargetInspection target = options.targetCheck() ? TargetInspection.of(session, findings, options.prewarm())
					: TargetInspection.skipped();
			report = new DryRunReportBuilder(options.pricing(), options.writeUnitsPerSecond(), options.prices())
				.build(mapping, summary, findings, target.inspections(), target.note());
		}
		Path html = ReportFiles.write(report, options.reportDirectory(),
				mapping.name() + "-dry-run-" + summary.executionId());
		return new DryRunResult(report, html);
	}

}
