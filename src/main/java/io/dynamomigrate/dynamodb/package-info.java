/**
 * Talking to DynamoDB, in sub-packages by concern: {@code client} (connections and the local endpoint), {@code table}
 * (provisioning, inspection, reads for verify), {@code write} (the {@code BatchWriteItem} writer and its retries) and
 * {@code capacity} (the per-table write-capacity budget, shared per run; the warm throughput a table takes at once).
 * The budget's value and grammar are the mapping's ({@code mapping.model.WriteBudget}).
 */
@NullMarked
package io.dynamomigrate.dynamodb;

import org.jspecify.annotations.NullMarked;
