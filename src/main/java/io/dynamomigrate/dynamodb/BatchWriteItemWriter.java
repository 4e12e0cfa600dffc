package io.dynamomigrate.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import io.dynamomigrate.mapping.DuplicateKeyPolicy;
import io.dynamomigrate.records.RecordRejectedException;
import io.dynamomigrate.transform.MappedItem;
import io.dynamomigrate.transform.RejectSink;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Writes a chunk of items to one table with {@code BatchWriteItem}, keeping the API's rules (DESIGN.md invariant
 * 3): duplicate keys in the chunk are resolved by the mapping's policy and counted, and requests hold at most 25
 * items and 16 MB. Items DynamoDB returns as unprocessed are always sent again with full-jitter exponential backoff
 * (invariant 2); when the retry bound is reached the writer throws, the chunk rolls back and the step fails, so
 * nothing is counted as written that was not. A write succeeds only when every item of the chunk is written.
 * <p>
 * With a {@link WriteThroughput}, every call first takes its WCU from the table's shared
 * {@link WriteCapacityLimiter} (DESIGN.md invariant 5), throttles lower the limiter's rate, and the batches of a
 * chunk are sent at the same time on a bounded pool; the chunk still commits only after all of them are written, and
 * the step thread waits for that, which is the back-pressure on the reader (at most one chunk per step in memory).
 * <p>
 * Its counters are saved in the step's execution context at each commit and restored on restart. Not thread-safe:
 * one writer per step (its batches may run on several threads).
 */
public final class BatchWriteItemWriter implements ItemWriter<MappedItem>, ItemStream {

	/** Execution-context key: records dropped by the duplicate-key policy (a superseded or later duplicate). */
	public static final String DUPLICATES_DROPPED = "dynamo-migrate.duplicates.dropped";

	/** Execution-context key: records rejected by the duplicate-key policy. */
	public static final String DUPLICATES_REJECTED = "dynamo-migrate.duplicates.rejected";

	/** Execution-context key: items sent again after DynamoDB returned them as unprocessed. */
	public static final String UNPROCESSED_RETRIES = "dynamo-migrate.unprocessed.retries";

	/** Execution-context key: BatchWriteItem calls made. */
	public static final String CALLS = "dynamo-migrate.batch.calls";

	/** Execution-context key: calls or batches DynamoDB throttled (throttling errors and partly unprocessed). */
	public static final String THROTTLES = "dynamo-migrate.throttles";

	/** Execution-context key: items deleted ({@code DeleteRequest}s written; counted in the step's write count too). */
	public static final String DELETES = "dynamo-migrate.deletes";

	/** Execution-context key: WCU sent (retries included), by every execution of the step. */
	public static final String WRITE_UNITS = "dynamo-migrate.write.units";

	/**
	 * Execution-context key: WCU sent (retries included) by this execution of the step alone, so that a restart's
	 * rate is its own WCU over its own duration.
	 */
	public static final String EXECUTION_WRITE_UNITS = "dynamo-migrate.write.units.execution";

	private final BatchSender sender;

	private final DuplicateKeyPolicy duplicateKeyPolicy;

	private final RejectSink rejects;

	private final int maxItemsPerCall;

	private final long maxBytesPerCall;

	private final @Nullable ExecutorService pool;

	private long duplicatesDropped;

	private long duplicatesRejected;

	private long unprocessedRetries;

	private long calls;

	private long throttles;

	private long writeUnits;

	/** {@link #writeUnits} as restored when this execution opened the writer. */
	private long restoredWriteUnits;

	private long deletes;

	public BatchWriteItemWriter(DynamoDbClient client, String table, DuplicateKeyPolicy duplicateKeyPolicy,
			RetryPolicy retryPolicy, Sleeper sleeper, RejectSink rejects) {
		this(client, table, duplicateKeyPolicy, retryPolicy, sleeper, rejects, WriteThroughput.unlimited());
	}

	/** A writer that takes capacity from the throughput's limiter and sends a chunk's batches on its pool. */
	public BatchWriteItemWriter(DynamoDbClient client, String table, DuplicateKeyPolicy duplicateKeyPolicy,
			RetryPolicy retryPolicy, Sleeper sleeper, RejectSink rejects, WriteThroughput throughput) {
		this(client, table, duplicateKeyPolicy, retryPolicy, sleeper, rejects, throughput, WriteBatches.MAX_ITEMS,
				WriteBatches.MAX_BYTES);
	}

	BatchWriteItemWriter(DynamoDbClient client, String table, DuplicateKeyPolicy duplicateKeyPolicy,
			RetryPolicy retryPolicy, Sleeper sleeper, RejectSink rejects, int maxItemsPerCall, long maxBytesPerCall) {
		this(client, table, duplicateKeyPolicy, retryPolicy, sleeper, rejects, WriteThroughput.unlimited(),
				maxItemsPerCall, maxBytesPerCall);
	}

	BatchWriteItemWriter(DynamoDbClient client, String table, DuplicateKeyPolicy duplicateKeyPolicy,
			RetryPolicy retryPolicy, Sleeper sleeper, RejectSink rejects, WriteThroughput throughput,
			int maxItemsPerCall, long maxBytesPerCall) {
		if (maxItemsPerCall < 1 || maxItemsPerCall > WriteBatches.MAX_ITEMS) {
			throw new IllegalArgumentException("maxItemsPerCall must be 1 to 25");
		}
		this.sender = new BatchSender(client, table, retryPolicy, sleeper, throughput.limiter(), throughput.cost());
		this.duplicateKeyPolicy = duplicateKeyPolicy;
		this.rejects = rejects;
		this.maxItemsPerCall = maxItemsPerCall;
		this.maxBytesPerCall = maxBytesPerCall;
		this.pool = throughput.pool();
	}

	@Override
	public void write(Chunk<? extends MappedItem> chunk) throws Exception {
		DuplicateKeys.Resolution resolution = DuplicateKeys.resolve(chunk.getItems(), duplicateKeyPolicy);
		List<List<MappedItem>> batches = WriteBatches.split(resolution.toWrite(), maxItemsPerCall, maxBytesPerCall);
		long callsBefore = sender.calls.get();
		long retriesBefore = sender.unprocessedRetries.get();
		long throttlesBefore = sender.throttles.get();
		long unitsBefore = sender.writeUnits.get();
		long deletesBefore = sender.itemsDeleted.get();
		if (pool == null || batches.size() < 2) {
			for (List<MappedItem> batch : batches) {
				sender.send(batch);
			}
		}
		else {
			sendConcurrently(pool, batches);
		}
		// counted and reported only once the whole chunk is written
		calls += sender.calls.get() - callsBefore;
		unprocessedRetries += sender.unprocessedRetries.get() - retriesBefore;
		throttles += sender.throttles.get() - throttlesBefore;
		writeUnits += sender.writeUnits.get() - unitsBefore;
		deletes += sender.itemsDeleted.get() - deletesBefore;
		duplicatesDropped += resolution.dropped().size();
		duplicatesRejected += resolution.rejected().size();
		for (RecordRejectedException reject : resolution.rejected()) {
			rejects.reject(reject);
		}
	}

	/**
	 * Sends the batches on the pool and waits for all of them, so that the chunk commits only when every item is
	 * written; the first failure is thrown once no batch of the chunk is in flight any more.
	 */
	private void sendConcurrently(ExecutorService pool, List<List<MappedItem>> batches) throws Exception {
		List<Future<?>> futures = new ArrayList<>(batches.size());
		for (List<MappedItem> batch : batches) {
			futures.add(pool.submit(() -> {
				sender.send(batch);
				return null;
			}));
		}
		Exception failure = null;
		for (Future<?> future : futures) {
			try {
				future.get();
			}
			catch (ExecutionException ex) {
				if (failure == null) {
					failure = ex.getCause() instanceof Exception cause ? cause : ex;
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	@Override
	public void open(ExecutionContext context) {
		duplicatesDropped = context.getLong(DUPLICATES_DROPPED, 0);
		duplicatesRejected = context.getLong(DUPLICATES_REJECTED, 0);
		unprocessedRetries = context.getLong(UNPROCESSED_RETRIES, 0);
		calls = context.getLong(CALLS, 0);
		throttles = context.getLong(THROTTLES, 0);
		writeUnits = context.getLong(WRITE_UNITS, 0);
		restoredWriteUnits = writeUnits;
		deletes = context.getLong(DELETES, 0);
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(DUPLICATES_DROPPED, duplicatesDropped);
		context.putLong(DUPLICATES_REJECTED, duplicatesRejected);
		context.putLong(UNPROCESSED_RETRIES, unprocessedRetries);
		context.putLong(CALLS, calls);
		context.putLong(THROTTLES, throttles);
		context.putLong(WRITE_UNITS, writeUnits);
		context.putLong(EXECUTION_WRITE_UNITS, writeUnits - restoredWriteUnits);
		context.putLong(DELETES, deletes);
	}

	public long getDuplicatesDropped() {
		return duplicatesDropped;
	}

	public long getDuplicatesRejected() {
		return duplicatesRejected;
	}

	public long getUnprocessedRetries() {
		return unprocessedRetries;
	}

	public long getCalls() {
		return calls;
	}

	public long getThrottles() {
		return throttles;
	}

	public long getDeletes() {
		return deletes;
	}

	public long getWriteUnits() {
		return writeUnits;
	}

	/** Items written so far, including those of the chunk in flight: for progress reporting from another thread. */
	public long liveItemsWritten() {
		return sender.itemsWritten.get();
	}

	/** WCU sent so far, including the chunk in flight: for progress reporting from another thread. */
	public long liveWriteUnits() {
		return sender.writeUnits.get();
	}

	/** Throttles so far, including the chunk in flight: for progress reporting from another thread. */
	public long liveThrottles() {
		return sender.throttles.get();
	}

}
