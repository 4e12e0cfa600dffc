/**
 * Talking to DynamoDB: clients, table provisioning, the {@code BatchWriteItem} writer with its retries, the per-table
 * write-capacity budget ({@code WriteBudget}, {@code WriteCapacityLimiter}, shared per run by {@code RunWriteCapacity})
 * with adaptive back-off, the pool that keeps several calls in flight, and the local dynalite endpoint.
 */
@NullMarked
package io.dynamomigrate.dynamodb;

import org.jspecify.annotations.NullMarked;
