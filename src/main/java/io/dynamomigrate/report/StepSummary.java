package io.dynamomigrate.report;

import java.time.Duration;
import java.util.Map;

/**
 * What one step did. {@code read = written + rejected + filtered} holds for every completed step.
 *
 * @param step the step (item definition) name
 * @param table the target table
 * @param status the step's batch status
 * @param read records read
 * @param written items written to DynamoDB
 * @param rejected records rejected, with their reasons in the rejects file
 * @param filtered records left out by a mapping rule (including duplicates the key policy dropped)
 * @param duplicateKeys records dropped or rejected because another record of their chunk had the same key
 * @param unprocessedRetries items sent again after DynamoDB returned them unprocessed
 * @param elapsed the step's duration
 * @param rejectReasons rejects of this run by reason
 */
public record StepSummary(String step, String table, String status, long read, long written, long rejected,
		long filtered, long duplicateKeys, long unprocessedRetries, Duration elapsed, Map<String, Long> rejectReasons) {

	public StepSummary {
		rejectReasons = Map.copyOf(rejectReasons);
	}

	/** Items written per second. */
	public double itemsPerSecond() {
		double seconds = elapsed.toNanos() / 1e9;
		return seconds > 0 ? written / seconds : 0;
	}

	/** Whether every record is accounted for. */
	public boolean balanced() {
		return read == written + rejected + filtered;
	}

}
