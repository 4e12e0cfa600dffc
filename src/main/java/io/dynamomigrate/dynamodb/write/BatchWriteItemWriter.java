package io.dynamomigrate.dynamodb.write;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import io.dynamomigrate.dynamodb.capacity.Sleeper;
import io.dynamomigrate.dynamodb.client.DirectDynamoDb;
import io.dynamomigrate.dynamodb.capacity.WriteThroughput;
import io.dynamomigrate.mapping.model.DuplicateKeyPolicy;
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
 * Writes a chunk of items to one table with {@code BatchWriteItem}, keeping the API's
 * rules (DESIGN.md invariant 3): duplicate keys in the chunk are resolved by the
 * mapping's policy and counted, and requests hold at most 25 items and 16 MB. Items
 * DynamoDB returns as unprocessed are always sent again with full-jitter exponential
 * backoff (invariant 2); when the retry bound is reached the writer throws, the chunk
 * rolls back and the step fails, so nothing is counted as written that was not. A write
 * succeeds only when every item of the chunk is written.
 * <p>
 * With a {@link WriteThroughput}, every call first takes its WCU from the table's shared
 * {@link io.dynamomigrate.dynamodb.capacity.WriteCapacityLimiter WriteCapacityLimiter}
 * (DESIGN.md invariant 5), throttles lower the limiter's rate, and the batches of a chunk
 * are sent at the same time on a bounded pool; the chunk still commits only after all of
 * them are written, and the step thread waits for that, which is the back-pressure on the
 * reader (at most one chunk per step in memory).
 * <p>
 * Its counters are saved in the step's execution context at each commit and restored on
 * restart. Not thread-safe: one writer per step (its batches may run on several threads).
 */
public final class BatchWriteItemWriter implements ItemWriter<MappedItem>, ItemStream {

	private final BatchSender sender;

	private final DuplicateKeyPolicy duplicateKeyPolicy;

	private final RejectSink rejects;

	private final int maxItemsPerCall;

	private final long maxBytesPerCall;

	private final @Nullable ExecutorService pool;

	/** Every execution's counters, and this execution's own WCU. */
	private WriteCounters counters = WriteCounters.NONE;

	private BatchWriteItemWriter(Builder builder, BatchCall call, String table, DuplicateKeyPolicy duplicateKeyPolicy,
			RejectSink rejects) {
		this.sender = new BatchSender(call, table, builder.retries, builder.sleeper, builder.throughput);
		this.duplicateKeyPolicy = duplicateKeyPolicy;
		this.rejects = rejects;
		this.maxItemsPerCall = builder.maxItemsPerCall;
		this.maxBytesPerCall = builder.maxBytesPerCall;
		this.pool = builder.throughput.pool();
	}

	/** A builder of a writer. */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public void write(Chunk<? extends MappedItem> chunk) throws Exception {
		DuplicateKeys.Resolution resolution = DuplicateKeys.resolve(chunk.getItems(), duplicateKeyPolicy);
		List<List<MappedItem>> batches = WriteBatches.split(resolution.toWrite(), maxItemsPerCall, maxBytesPerCall);
		WriteCounters before = sender.sent();
		if (pool == null || batches.size() < 2) {
			for (List<MappedItem> batch : batches) {
				sender.send(batch);
			}
		}
		else {
			sendConcurrently(pool, batches);
		}
		// counted and reported only once the whole chunk is written
		counters = counters.plus(sender.sent().minus(before))
			.plus(WriteCounters.duplicates(resolution.dropped().size(), resolution.rejected().size()));
		for (RecordRejectedException reject : resolution.rejected()) {
			rejects.reject(reject);
		}
	}

	/**
	 * Sends the batches on the pool and waits for all of them, so that the chunk commits
	 * only when every item is written; the first failure is thrown once no batch of the
	 * chunk is in flight any more.
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
		counters = WriteCounters.from(context).restored();
	}

	@Override
	public void update(ExecutionContext context) {
		counters.writeTo(context);
	}

	/**
	 * The counters of the chunks written (and those restored from the execution context).
	 */
	public WriteCounters counters() {
		return counters;
	}

	/**
	 * Items written so far, including those of the chunk in flight: for progress
	 * reporting from another thread.
	 */
	public long liveItemsWritten() {
		return sender.itemsWritten.get();
	}

	/**
	 * WCU sent so far, including the chunk in flight: for progress reporting from another
	 * thread.
	 */
	public long liveWriteUnits() {
		return sender.writeUnits.get();
	}

	/**
	 * Throttles so far, including the chunk in flight: for progress reporting from
	 * another thread.
	 */
	public long liveThrottles() {
		return sender.throttles.get();
	}

	/**
	 * Builds a {@link BatchWriteItemWriter}: the client, the table, the duplicate-key
	 * policy and where rejects go are required; without a throughput the writer is
	 * unlimited and sends its batches one after another; without retries it uses
	 * {@link UnprocessedItemsBackoff#DEFAULT}, and it sleeps with {@link Sleeper#SYSTEM}.
	 */
	public static final class Builder {

		private @Nullable DynamoDbClient client;

		private @Nullable DirectDynamoDb direct;

		private @Nullable String table;

		private @Nullable DuplicateKeyPolicy duplicateKeyPolicy;

		private @Nullable RejectSink rejects;

		private UnprocessedItemsBackoff retries = UnprocessedItemsBackoff.DEFAULT;

		private Sleeper sleeper = Sleeper.SYSTEM;

		private WriteThroughput throughput = WriteThroughput.unlimited();

		private int maxItemsPerCall = WriteBatches.MAX_ITEMS;

		private long maxBytesPerCall = WriteBatches.MAX_BYTES;

		private Builder() {
		}

		/** The client that sends {@code BatchWriteItem} calls (required). */
		public Builder client(DynamoDbClient client) {
			this.client = client;
			return this;
		}

		/**
		 * Send through the lean path ({@link DirectDynamoDb}: request bodies written from
		 * the items, SigV4-signed, no SDK request pipeline) instead of the client's
		 * {@code batchWriteItem}; null (the default) for the client's. The client is
		 * still required.
		 */
		public Builder direct(@Nullable DirectDynamoDb direct) {
			this.direct = direct;
			return this;
		}

		/** The target table's name (required). */
		public Builder table(String table) {
			this.table = table;
			return this;
		}

		/** What to do with items of a chunk that share a key (required). */
		public Builder duplicateKeyPolicy(DuplicateKeyPolicy duplicateKeyPolicy) {
			this.duplicateKeyPolicy = duplicateKeyPolicy;
			return this;
		}

		/** Where records rejected for a duplicate key go (required). */
		public Builder rejects(RejectSink rejects) {
			this.rejects = rejects;
			return this;
		}

		/** How unprocessed items are retried. */
		public Builder retries(UnprocessedItemsBackoff retries) {
			this.retries = retries;
			return this;
		}

		/** How the writer waits between retries. */
		public Builder sleeper(Sleeper sleeper) {
			this.sleeper = sleeper;
			return this;
		}

		/**
		 * The table's limiter, the WCU of an item and the pool that sends a chunk's
		 * batches at the same time.
		 */
		public Builder throughput(WriteThroughput throughput) {
			this.throughput = throughput;
			return this;
		}

		/** At most this many items per call (1 to 25; tests use fewer). */
		Builder maxItemsPerCall(int maxItemsPerCall) {
			this.maxItemsPerCall = maxItemsPerCall;
			return this;
		}

		/** At most this many bytes per call (tests use fewer than the API's 16 MB). */
		Builder maxBytesPerCall(long maxBytesPerCall) {
			this.maxBytesPerCall = maxBytesPerCall;
			return this;
		}

		/**
		 * The writer; throws {@link IllegalStateException} when a required part is
		 * missing or out of range.
		 */
		public BatchWriteItemWriter build() {
			if (client == null) {
				throw new IllegalStateException("A DynamoDB client is required");
			}
			if (table == null || table.isBlank()) {
				throw new IllegalStateException("A table name is required");
			}
			if (duplicateKeyPolicy == null) {
				throw new IllegalStateException("A duplicate-key policy is required");
			}
			if (rejects == null) {
				throw new IllegalStateException("A reject sink is required");
			}
			if (maxItemsPerCall < 1 || maxItemsPerCall > WriteBatches.MAX_ITEMS) {
				throw new IllegalArgumentException("maxItemsPerCall must be 1 to 25");
			}
			BatchCall call = direct != null ? new DirectBatchCall(direct) : new SdkBatchCall(client);
			return new BatchWriteItemWriter(this, call, table, duplicateKeyPolicy, rejects);
		}

	}

}
