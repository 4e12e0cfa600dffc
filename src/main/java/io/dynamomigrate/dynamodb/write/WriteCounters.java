package io.dynamomigrate.dynamodb.write;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The counters a step's writer keeps, saved in the step's execution context at each
 * commit and read back by the run summary, the execution history and the metrics. The
 * keys in the context are those of every earlier version, so that a run started by one
 * version is restarted by another with its counters. Immutable.
 *
 * @param duplicatesDropped records dropped by the duplicate-key policy (a superseded or
 * later duplicate)
 * @param duplicatesRejected records rejected by the duplicate-key policy
 * @param unprocessedRetries items sent again after DynamoDB returned them as unprocessed
 * @param calls {@code BatchWriteItem} calls made
 * @param throttles calls or batches DynamoDB throttled (throttling errors and partly
 * unprocessed)
 * @param deletes items deleted ({@code DeleteRequest}s written; counted in the step's
 * write count too)
 * @param writeUnits WCU sent (retries included), by every execution of the step
 * @param executionWriteUnits WCU sent (retries included) by this execution of the step
 * alone, so that a restart's rate is its own WCU over its own duration
 */
public record WriteCounters(long duplicatesDropped, long duplicatesRejected, long unprocessedRetries, long calls,
		long throttles, long deletes, long writeUnits, long executionWriteUnits) {

	/** Execution-context key of {@link #duplicatesDropped}. */
	public static final String DUPLICATES_DROPPED = "dynamo-migrate.duplicates.dropped";

	/** Execution-context key of {@link #duplicatesRejected}. */
	public static final String DUPLICATES_REJECTED = "dynamo-migrate.duplicates.rejected";

	/** Execution-context key of {@link #unprocessedRetries}. */
	public static final String UNPROCESSED_RETRIES = "dynamo-migrate.unprocessed.retries";

	/** Execution-context key of {@link #calls}. */
	public static final String CALLS = "dynamo-migrate.batch.calls";

	/** Execution-context key of {@link #throttles}. */
	public static final String THROTTLES = "dynamo-migrate.throttles";

	/** Execution-context key of {@link #deletes}. */
	public static final String DELETES = "dynamo-migrate.deletes";

	/** Execution-context key of {@link #writeUnits}. */
	public static final String WRITE_UNITS = "dynamo-migrate.write.units";

	/** Execution-context key of {@link #executionWriteUnits}. */
	public static final String EXECUTION_WRITE_UNITS = "dynamo-migrate.write.units.execution";

	/** Nothing counted yet. */
	public static final WriteCounters NONE = new WriteCounters(0, 0, 0, 0, 0, 0, 0, 0);

	/**
	 * The counters saved in a step's execution context; zero for a key that is missing or
	 * not a number. A context saved before the writer kept its execution's own WCU gives
	 * the step's total for {@link #executionWriteUnits}.
	 */
	public static WriteCounters from(ExecutionContext context) {
		long writeUnits = get(context, WRITE_UNITS);
		return new WriteCounters(get(context, DUPLICATES_DROPPED), get(context, DUPLICATES_REJECTED),
				get(context, UNPROCESSED_RETRIES), get(context, CALLS), get(context, THROTTLES), get(context, DELETES),
				writeUnits,
				context.containsKey(EXECUTION_WRITE_UNITS) ? get(context, EXECUTION_WRITE_UNITS) : writeUnits);
	}

	/** Records the duplicate-key policy dropped and rejected, nothing else. */
	public static WriteCounters duplicates(long dropped, long rejected) {
		return new WriteCounters(dropped, rejected, 0, 0, 0, 0, 0, 0);
	}

	private static long get(ExecutionContext context, String key) {
		return context.get(key) instanceof Number value ? value.longValue() : 0;
	}

	/**
	 * Saves the counters in a step's execution context (under the keys {@link #from}
	 * reads).
	 */
	public void writeTo(ExecutionContext context) {
		context.putLong(DUPLICATES_DROPPED, duplicatesDropped);
		context.putLong(DUPLICATES_REJECTED, duplicatesRejected);
		context.putLong(UNPROCESSED_RETRIES, unprocessedRetries);
		context.putLong(CALLS, calls);
		context.putLong(THROTTLES, throttles);
		context.putLong(WRITE_UNITS, writeUnits);
		context.putLong(EXECUTION_WRITE_UNITS, executionWriteUnits);
		context.putLong(DELETES, deletes);
	}

	/**
	 * The sum of both, counter by counter: the counters of a partitioned step are those
	 * of its partitions.
	 */
	public WriteCounters plus(WriteCounters other) {
		return new WriteCounters(duplicatesDropped + other.duplicatesDropped,
				duplicatesRejected + other.duplicatesRejected, unprocessedRetries + other.unprocessedRetries,
				calls + other.calls, throttles + other.throttles, deletes + other.deletes,
				writeUnits + other.writeUnits, executionWriteUnits + other.executionWriteUnits);
	}

	/** The difference, counter by counter: what was counted since {@code earlier}. */
	public WriteCounters minus(WriteCounters earlier) {
		return new WriteCounters(duplicatesDropped - earlier.duplicatesDropped,
				duplicatesRejected - earlier.duplicatesRejected, unprocessedRetries - earlier.unprocessedRetries,
				calls - earlier.calls, throttles - earlier.throttles, deletes - earlier.deletes,
				writeUnits - earlier.writeUnits, executionWriteUnits - earlier.executionWriteUnits);
	}

	/**
	 * Records the duplicate-key policy dropped or rejected: neither written nor rejected
	 * for another reason.
	 */
	public long duplicates() {
		return duplicatesDropped + duplicatesRejected;
	}

	/**
	 * These counters as saved when an execution starts: the execution's own WCU start
	 * again from zero.
	 */
	public WriteCounters restored() {
		return new WriteCounters(duplicatesDropped, duplicatesRejected, unprocessedRetries, calls, throttles, deletes,
				writeUnits, 0);
	}

}
