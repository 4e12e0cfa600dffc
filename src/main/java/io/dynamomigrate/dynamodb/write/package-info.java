/**
 * Writing items: the {@code BatchWriteItem} writer of a step, the batches it cuts
 * ({@code WriteBatches}), duplicate keys within a chunk ({@code DuplicateKeys}), and
 * sending one batch with its retries of unprocessed items ({@code BatchSender},
 * {@code UnprocessedItemsBackoff}), seeing the retries the SDK makes by itself
 * ({@code ThrottleObserver}).
 */
@NullMarked
package io.dynamomigrate.dynamodb.write;

import org.jspecify.annotations.NullMarked;
