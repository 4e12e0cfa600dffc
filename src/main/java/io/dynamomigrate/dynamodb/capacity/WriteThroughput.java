package io.dynamomigrate.dynamodb.capacity;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;

import io.dynamomigrate.mapping.model.TableSpec;
import io.dynamomigrate.transform.ItemSizes;
import io.dynamomigrate.transform.MappedItem;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link io.dynamomigrate.dynamodb.write.BatchWriteItemWriter BatchWriteItemWriter}
 * paces and spreads its calls: the table's shared limiter (none = unlimited), the WCU of
 * an item, and the pool that sends the batches of a chunk at the same time (none = one
 * after another on the step's thread). Immutable; the limiter and pool it refers to are
 * thread-safe and shared by every writer of a run.
 *
 * @param limiter the table's write-capacity limiter, or null for no limit
 * @param cost the WCU of putting an item
 * @param pool the pool that sends batches, or null to send them on the calling thread
 */
public record WriteThroughput(@Nullable WriteCapacityLimiter limiter, ToLongFunction<MappedItem> cost,
		@Nullable ExecutorService pool) {

	/**
	 * No limit, item cost without indexes, batches one after another: the writer as it
	 * was.
	 */
	public static WriteThroughput unlimited() {
		return new WriteThroughput(null, (item) -> ItemSizes.writeUnits(item.sizeBytes()), null);
	}

	/**
	 * The given limiter and pool, with item costs by {@link WriteCost} for the table (its
	 * GSIs count).
	 */
	public static WriteThroughput of(TableSpec table, @Nullable WriteCapacityLimiter limiter,
			@Nullable ExecutorService pool) {
		return new WriteThroughput(limiter, (item) -> WriteCost.of(item.item(), item.sizeBytes(), table), pool);
	}

	/**
	 * A pool of {@code concurrency} threads for {@code BatchWriteItem} calls, with a
	 * bounded queue: when it is full the submitting step thread sends the batch itself,
	 * so memory stays bounded and nothing is refused. The caller shuts it down at the end
	 * of the run.
	 */
	public static ExecutorService pool(int concurrency) {
		if (concurrency < 1) {
			throw new IllegalArgumentException("The write concurrency must be at least 1, not " + concurrency);
		}
		AtomicInteger threads = new AtomicInteger();
		return new ThreadPoolExecutor(concurrency, concurrency, 30, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(concurrency * 4), (task) -> {
					Thread thread = new Thread(task, "dynamodb-writer-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.CallerRunsPolicy());
	}

}
