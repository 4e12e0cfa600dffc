package io.dynamomigrate.report;

import java.time.Duration;
import java.util.Map;

/**
 * What one step did. {@code read = written + rejected + filtered} holds for every
 * completed step.
 *
 * @param step the step (item definition) name
 * @param table the target table
 * @param status the step's batch status
 * @param read records read
 * @param written items written to DynamoDB
 * @param rejected records rejected, with their reasons in the rejects file
 * @param filtered records left out by a mapping rule (including duplicates the key policy
 * dropped)
 * @param duplicateKeys records dropped or rejected because another record of their chunk
 * had the same key
 * @param unprocessedRetries items sent again after DynamoDB returned them unprocessed
 * @param elapsed the step's duration
 * @param rejectReasons rejects of this run by reason
 * @param throttles calls DynamoDB throttled (throttling errors and partly unprocessed
 * batches)
 * @param writeUnits WCU sent by this execution, retries included (like {@code written},
 * not those of the executions it restarted)
 * @param deletes how many of the written items were deletions ({@code DeleteRequest}s)
 */
public record StepSummary(String step, String table, String status, long read, long written, long rejected,
		long filtered, long duplicateKeys, long unprocessedRetries, Duration elapsed, Map<String, Long> rejectReasons,
		long throttles, long writeUnits, long deletes) {

	public StepSummary {
		rejectReasons = Map.copyOf(rejectReasons);
	}

	/** A summary without write-capacity figures. */
	public StepSummary(String step, String table, String status, long read, long written, long rejected, long filtered,
			long duplicateKeys, long unprocessedRetries, Duration elapsed, Map<String, Long> rejectReasons) {
		this(step, table, status, read, written, rejected, filtered, duplicateKeys, unprocessedRetries, elapsed,
				rejectReasons, 0, 0, 0);
	}

	/** WCU sent per second. */
	public double writeUnitsPerSecond() {
		double seconds = elapsed.toNanos() / 1e9;
		return seconds > 0 ? writeUnits / seconds : 0;
	}

	/** Items written per second. */
	public double itemsPerSecond() {
		double seconds = elapsed.toNanos() / 1e9;
		return seconds > 0 ? written / seconds : 0;
	}

}
