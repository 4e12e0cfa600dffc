/**
 * Talking to DynamoDB, in sub-packages by concern: {@code client} (connections and the local endpoint), {@code table}
 * (provisioning, inspection, reads for verify), {@code write} (the {@code BatchWriteItem} writer and its retries) and
 * {@code capacity} (the per-table write-capacity budget, shared per run). Here only the {@code WriteBudget} value,
 * until it moves to the mapping model.
 */
@NullMarked
package io.dynamomigrate.dynamodb;

import org.jspecify.annotations.NullMarked;
