/**
 * Talking to DynamoDB: clients, table provisioning, the {@code BatchWriteItem} writer with its retries, and the local
 * dynalite endpoint.
 */
@NullMarked
package io.dynamomigrate.dynamodb;

import org.jspecify.annotations.NullMarked;
