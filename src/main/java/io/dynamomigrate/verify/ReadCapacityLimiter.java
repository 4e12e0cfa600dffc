package io.dynamomigrate.verify;

import java.util.function.LongSupplier;

import io.dynamomigrate.dynamodb.capacity.Sleeper;
import io.dynamomigrate.dynamodb.capacity.WriteCapacityLimiter;
import io.dynamomigrate.dynamodb.client.DynamoDbTarget;
import io.dynamomigrate.dynamodb.table.ItemFetcher;
import io.dynamomigrate.dynamodb.write.UnprocessedItemsBackoff;

/**
 * The read-capacity budget of one target table during a verification: strongly consistent
 * {@code BatchGetItem} calls and {@code Scan} pages are paced so that no second reads
 * more than the budget. The same token bucket as the write budget (its window and
 * pacing), counted in read units. Thread-safe.
 */
final class ReadCapacityLimiter {

	private final WriteCapacityLimiter bucket;

	private ReadCapacityLimiter(WriteCapacityLimiter bucket) {
		this.bucket = bucket;
	}

	/**
	 * A budget on the system clock that sleeps for real.
	 * @param readUnitsPerSecond read units per second, at least 1
	 */
	static ReadCapacityLimiter system(String table, long readUnitsPerSecond) {
		return new ReadCapacityLimiter(WriteCapacityLimiter.system(table, readUnitsPerSecond));
	}

	/** A budget on this clock that waits with this sleeper (for tests). */
	static ReadCapacityLimiter of(String table, long readUnitsPerSecond, LongSupplier nanoTime, Sleeper sleeper) {
		return new ReadCapacityLimiter(new WriteCapacityLimiter(table, readUnitsPerSecond, nanoTime, sleeper));
	}

	/**
	 * A fetcher of items from the target whose {@code BatchGetItem} calls are paced by
	 * this budget.
	 */
	ItemFetcher fetcher(DynamoDbTarget target) {
		return new ItemFetcher(target.client(), bucket, UnprocessedItemsBackoff.DEFAULT, Sleeper.SYSTEM);
	}

	/**
	 * Waits until {@code units} more read units fit in the budget, for a read that was
	 * just answered (a page of a {@code Scan}): the next read starts no earlier than the
	 * budget allows.
	 */
	void spent(long units) throws InterruptedException {
		bucket.completed(bucket.acquire(Math.max(1, units)));
	}

}
