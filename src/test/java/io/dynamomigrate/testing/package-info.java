/**
 * Test support: a fault-injecting DynamoDB wire-protocol proxy
 * ({@link io.dynamomigrate.testing.FaultInjectingDynamoDbProxy}) that sits between the
 * AWS SDK and dynalite and provokes, on demand and reproducibly, what the local endpoint
 * cannot: {@code UnprocessedItems}, throttling, server errors, dropped connections and
 * latency, and counts the writes per primary key that reach the table.
 */
@NullMarked
package io.dynamomigrate.testing;

import org.jspecify.annotations.NullMarked;
