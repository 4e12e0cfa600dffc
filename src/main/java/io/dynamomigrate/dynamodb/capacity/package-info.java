/**
 * The write capacity of a run: what a write budget comes to for a described table
 * ({@code WriteBudgets}, with the table's warm throughput from {@code WarmThroughputs}),
 * the per-table {@code WriteCapacityLimiter} with its adaptive rate
 * ({@code AdaptiveRate}), shared per run by {@code RunWriteCapacity}; the WCU an item
 * costs ({@code WriteCost}); the pool that keeps several calls in flight
 * ({@code WriteThroughput}); and the injected {@code Sleeper}.
 */
@NullMarked
package io.dynamomigrate.dynamodb.capacity;

import org.jspecify.annotations.NullMarked;
