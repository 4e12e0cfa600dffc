package io.dynamomigrate.dynamodb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.mapping.DuplicateKeyPolicy;
import io.dynamomigrate.transform.MappedItem;
import io.dynamomigrate.transform.RecordRejectedException;
import io.dynamomigrate.transform.RejectSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes a chunk of items to one table with {@code BatchWriteItem}, keeping the API's rules (DESIGN.md invariant
 * 3): duplicate keys in the chunk are resolved by the mapping's policy and counted, and requests hold at most 25
 * items and 16 MB. Items DynamoDB returns as unprocessed are always sent again with full-jitter exponential backoff
 * (invariant 2); when the retry bound is reached the writer throws, the chunk rolls back and the step fails, so
 * nothing is counted as written that was not. A write succeeds only when every item of the chunk is written.
 * <p>
 * Its counters are saved in the step's execution context at each commit and restored on restart. Not thread-safe:
 * one writer per step.
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

	private static final Logger logger = LoggerFactory.getLogger(BatchWriteItemWriter.class);

	private final DynamoDbClient client;

	private final String table;

	private final DuplicateKeyPolicy duplicateKeyPolicy;

	private final RetryPolicy retryPolicy;

	private final BackoffStrategy backoff;

	private final Sleeper sleeper;

	private final RejectSink rejects;

	private final int maxItemsPerCall;

	private final long maxBytesPerCall;

	private long duplicatesDropped;

	private long duplicatesRejected;

	private long unprocessedRetries;

	private long calls;

	public BatchWriteItemWriter(DynamoDbClient client, String table, DuplicateKeyPolicy duplicateKeyPolicy,
			RetryPolicy retryPolicy, Sleeper sleeper, RejectSink rejects) {
		this(client, table, duplicateKeyPolicy, retryPolicy, sleeper, rejects, WriteBatches.MAX_ITEMS,
				WriteBatches.MAX_BYTES);
	}

	BatchWriteItemWriter(DynamoDbClient client, String table, DuplicateKeyPolicy duplicateKeyPolicy,
			RetryPolicy retryPolicy, Sleeper sleeper, RejectSink rejects, int maxItemsPerCall, long maxBytesPerCall) {
		if (maxItemsPerCall < 1 || maxItemsPerCall > WriteBatches.MAX_ITEMS) {
			throw new IllegalArgumentException("maxItemsPerCall must be 1 to 25");
		}
		this.client = client;
		this.table = table;
		this.duplicateKeyPolicy = duplicateKeyPolicy;
		this.retryPolicy = retryPolicy;
		this.backoff = retryPolicy.backoff();
		this.sleeper = sleeper;
		this.rejects = rejects;
		this.maxItemsPerCall = maxItemsPerCall;
		this.maxBytesPerCall = maxBytesPerCall;
	}

	@Override
	public void write(Chunk<? extends MappedItem> chunk) throws Exception {
		DuplicateKeys.Resolution resolution = DuplicateKeys.resolve(chunk.getItems(), duplicateKeyPolicy);
		for (List<MappedItem> batch : WriteBatches.split(resolution.toWrite(), maxItemsPerCall, maxBytesPerCall)) {
			send(batch);
		}
		// counted and reported only once the whole chunk is written
		duplicatesDropped += resolution.dropped().size();
		duplicatesRejected += resolution.rejected().size();
		for (RecordRejectedException reject : resolution.rejected()) {
			rejects.reject(reject);
		}
	}

	private void send(List<MappedItem> batch) throws InterruptedException {
		List<WriteRequest> pending = new ArrayList<>(batch.size());
		for (MappedItem item : batch) {
			pending.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item.item()).build()).build());
		}
		for (int attempt = 0;; attempt++) {
			long started = System.nanoTime();
			BatchWriteItemResponse response = client.batchWriteItem((b) -> b.requestItems(Map.of(table, pending)));
			calls++;
			List<WriteRequest> unprocessed = response.unprocessedItems().getOrDefault(table, List.of());
			if (logger.isDebugEnabled()) {
				logger.debug("BatchWriteItem [table={}, items={}, unprocessed={}, ms={}]", table, pending.size(),
						unprocessed.size(), (System.nanoTime() - started) / 1_000_000);
			}
			if (unprocessed.isEmpty()) {
				return;
			}
			if (attempt >= retryPolicy.maxAttempts()) {
				throw new UnprocessedItemsException(unprocessed.size() + " of " + batch.size() + " items were "
						+ "still unprocessed after " + retryPolicy.maxAttempts() + " retries [table=" + table
						+ "]. The table is probably short of write capacity; the chunk was not committed. Restart "
						+ "the run when capacity is available, or lower the write rate.");
			}
			unprocessedRetries += unprocessed.size();
			// the SDK numbers attempts from 1 (the first call, which waits 0); retry n is attempt n + 1
			Duration delay = backoff.computeDelay(attempt + 2);
			sleeper.sleep(delay);
			pending.clear();
			pending.addAll(unprocessed);
		}
	}

	@Override
	public void open(ExecutionContext context) {
		duplicatesDropped = context.getLong(DUPLICATES_DROPPED, 0);
		duplicatesRejected = context.getLong(DUPLICATES_REJECTED, 0);
		unprocessedRetries = context.getLong(UNPROCESSED_RETRIES, 0);
		calls = context.getLong(CALLS, 0);
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(DUPLICATES_DROPPED, duplicatesDropped);
		context.putLong(DUPLICATES_REJECTED, duplicatesRejected);
		context.putLong(UNPROCESSED_RETRIES, unprocessedRetries);
		context.putLong(CALLS, calls);
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

}
