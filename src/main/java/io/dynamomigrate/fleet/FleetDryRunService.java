package io.dynamomigrate.fleet;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.dynamomigrate.dryrun.DryRunOptions;
import io.dynamomigrate.dryrun.DryRunResult;
import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.model.TableSpec;
import io.dynamomigrate.report.DryRunFindings;
import io.dynamomigrate.report.DryRunReport;
import io.dynamomigrate.report.DryRunReportBuilder;
import io.dynamomigrate.report.DryRunWriter;
import io.dynamomigrate.report.ReportFiles;
import io.dynamomigrate.report.RunSummary;
import io.dynamomigrate.report.StepSummary;
import io.dynamomigrate.session.MigrationSession;
import io.dynamomigrate.session.ScratchFile;
import io.dynamomigrate.session.SessionOptions;
import io.dynamomigrate.session.SessionRefusedException;

/**
 * {@code fleet dry-run}: dry-runs every entry of a fleet, one after another, into one set
 * of findings, so that one report (JSON and HTML) shows each entry's steps (as
 * {@code entry/step}: read, items, rejects, size, write units, duration), the totals and
 * the cost per table, and the key collisions across entries: two entries producing the
 * same primary key of a shared table, each named with its entry. Writes nothing, creates
 * nothing. Used by one thread.
 */
public final class FleetDryRunService {

	private final MigrationSession session;

	private final LoadedFleet fleet;

	private final Function<MappingSpec, SessionOptions> entrySessions;

	private final PrintWriter err;

	/**
	 * @param session the fleet's session (the Spring Batch context)
	 * @param fleet the fleet, without problems
	 * @param entrySessions the options of an entry's session (its mapping and source)
	 * @param err where entry sessions print warnings
	 */
	public FleetDryRunService(MigrationSession session, LoadedFleet fleet,
			Function<MappingSpec, SessionOptions> entrySessions, PrintWriter err) {
		this.session = session;
		this.fleet = fleet;
		this.entrySessions = entrySessions;
		this.err = err;
	}

	/**
	 * Dry-runs every entry and writes the fleet's report; returns the report and where
	 * its HTML is.
	 */
	public DryRunResult run(DryRunOptions options) throws IOException {
		List<StepSummary> steps = new ArrayList<>();
		Map<String, TableSpec> tables = new LinkedHashMap<>();
		List<String> failures = new ArrayList<>();
		Duration elapsed = Duration.ZERO;
		DryRunReport report;
		try (ScratchFile scratch = session.scratchFile("fleet-dry-run-", "keys.mv");
				DryRunFindings findings = new DryRunFindings(scratch.file())) {
			for (FleetEntry entry : fleet.entries()) {
				MappingSpec mapping = java.util.Objects.requireNonNull(entry.mapping(), "a valid entry");
				mapping.tables().forEach((table) -> tables.putIfAbsent(table.name(), table));
				findings.origin(entry.name());
				try (MigrationSession entrySession = entrySessions.apply(mapping).open(err)) {
					RunSummary summary = entrySession.runner()
						.build()
						.execute(entry.jobName() + "-dry-run", mapping, entrySession.source(),
								(item, table, rejects) -> new DryRunWriter(item.name(), table, item.onDuplicateKey(),
										findings, rejects),
								"none (dry run)", "-", session.stateDirectory());
					summary.steps().forEach((step) -> steps.add(renamed(entry.name(), step)));
					elapsed = elapsed.plus(summary.elapsed());
					if (summary.failure() != null) {
						failures.add("entry " + entry.name() + ": " + summary.failure());
					}
				}
				catch (SessionRefusedException ex) {
					failures.add("entry " + entry.name() + ": " + String.join(" ", ex.lines()));
				}
				catch (RuntimeException ex) {
					failures.add("entry " + entry.name() + ": " + ex.getMessage());
				}
			}
			MappingSpec first = java.util.Objects.requireNonNull(fleet.entries().get(0).mapping(), "a valid entry");
			MappingSpec whole = new MappingSpec(fleet.spec().name(), fleet.spec().file(), "", first.source(),
					first.dynamodb(), List.copyOf(tables.values()), List.of());
			RunSummary total = new RunSummary(fleet.spec().name(), 0, failures.isEmpty() ? "COMPLETED" : "FAILED",
					failures.isEmpty() ? ExitCodes.SUCCESS : ExitCodes.FAILED, "none (dry run)", "-", steps, elapsed,
					null, failures.isEmpty() ? null : String.join(" ", failures));
			report = new DryRunReportBuilder(options.pricing(), options.writeUnitsPerSecond(), options.prices()).build(
					whole, total, findings, Map.of(),
					"A fleet dry run does not look at the target tables; dry-run one entry's " + "mapping for that.");
		}
		Path html = ReportFiles.write(report, options.reportDirectory(), fleet.spec().name() + "-fleet-dry-run");
		return new DryRunResult(report, html);
	}

	private static StepSummary renamed(String entry, StepSummary step) {
		return new StepSummary(entry + "/" + step.step(), step.table(), step.status(), step.read(), step.written(),
				step.rejected(), step.filtered(), step.duplicateKeys(), step.unprocessedRetries(), step.elapsed(),
				step.rejectReasons(), step.throttles(), step.writeUnits(), step.deletes());
	}

}
