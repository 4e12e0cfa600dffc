package io.dynamomigrate.report;

/**
 * The write capacity of one target table in a run, for the summary.
 *
 * @param table the table
 * @param budget its budget in WCU/s, 0 when unlimited
 * @param budgetSource where the budget comes from: the option, the mapping, or which
 * default (the warm throughput of the table or of an index, or the flat on-demand
 * default)
 * @param effectiveRate the limiter's effective rate at the end, WCU/s (below the budget
 * after throttles)
 * @param throttles throttles seen on the table (unprocessed batches and throttling
 * errors)
 */
public record TableCapacity(String table, long budget, String budgetSource, double effectiveRate, long throttles) {
}
