package io.dynamomigrate.report;

/**
 * The write capacity of one target table in a run, for the summary.
 *
 * @param table the table
 * @param budget its budget in WCU/s, 0 when unlimited
 * @param effectiveRate the limiter's effective rate at the end, WCU/s (below the budget after throttles)
 * @param throttles throttles seen on the table (unprocessed batches and throttling errors)
 */
public record TableCapacity(String table, long budget, double effectiveRate, long throttles) {
}
