package io.dynamomigrate.dryrun;

import java.util.LinkedHashMap;
import java.util.Map;

import io.dynamomigrate.dynamodb.client.DynamoDbTarget;
import io.dynamomigrate.dynamodb.table.TargetInspector;
import io.dynamomigrate.mapping.model.TableSpec;
import io.dynamomigrate.report.DryRunFindings;
import io.dynamomigrate.session.MigrationSession;

/**
 * The dry run's look at the target tables (read-only: DescribeTable and a sampled
 * BatchGetItem of the keys it would write). An unreachable target is a note in the
 * report, not a failure.
 *
 * @param inspections what was found, by table; empty when the target could not be reached
 * @param note where the target was checked, or why it was not
 */
record TargetInspection(Map<String, TargetInspector.Inspection> inspections, String note) {

	/**
	 * Inspects every table of the session's mapping, with the keys the findings sampled.
	 */
	static TargetInspection of(MigrationSession session, DryRunFindings findings, long prewarm) {
		Map<String, TargetInspector.Inspection> inspections = new LinkedHashMap<>();
		try (DynamoDbTarget dynamodb = session.connect(4)) {
			TargetInspector inspector = new TargetInspector(dynamodb.client());
			for (TableSpec table : session.mapping().tables()) {
				inspections.put(table.name(), inspector.inspect(table, findings.keySample(table.name()), prewarm));
			}
			return new TargetInspection(inspections, "checked at " + dynamodb.description());
		}
		catch (RuntimeException ex) {
			return new TargetInspection(Map.of(), "the target could not be reached: " + ex.getMessage());
		}
	}

	/** No look at the target ({@code --no-target-check}). */
	static TargetInspection skipped() {
		return new TargetInspection(Map.of(), "--no-target-check");
	}

}
