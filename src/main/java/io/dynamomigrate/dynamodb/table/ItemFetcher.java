package io.dynamomigrate.dynamodb.table;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.dynamodb.capacity.Sleeper;
import io.dynamomigrate.dynamodb.capacity.WriteCapacityLimiter;
import io.dynamomigrate.dynamodb.write.UnprocessedItemsBackoff;
import io.dynamomigrate.dynamodb.write.UnprocessedItemsException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads items by key with strongly consistent {@code BatchGetItem} calls of at most 100
 * keys, retrying unprocessed keys with full-jitter backoff (failing after the retry
 * bound, never dropping a key), and paced by a read-capacity budget: each call first
 * acquires the read units its items are expected to cost (one per started 4 KB). Not
 * thread-safe.
 */
public final class ItemFetcher {

	/** The API's limit of keys per call. */
	static final int MAX_KEYS = 100;

	private static final KeysAndAttributes NO_KEYS = KeysAndAttributes.builder().keys(List.of()).build();

	private final DynamoDbClient client;

	private final @Nullable WriteCapacityLimiter readBudget;

	private final UnprocessedItemsBackoff retryPolicy;

	private final BackoffStrategy backoff;

	private final Sleeper sleeper;

	/**
	 * @param readBudget the table's read-capacity budget, or null for none (a small
	 * sample)
	 */
	public ItemFetcher(DynamoDbClient client, @Nullable WriteCapacityLimiter readBudget,
			UnprocessedItemsBackoff retryPolicy, Sleeper sleeper) {
		this.client = client;
		this.readBudget = readBudget;
		this.retryPolicy = retryPolicy;
		this.backoff = retryPolicy.backoff();
		this.sleeper = sleeper;
	}

	/** The read units of a strongly consistent read of an item of this size. */
	public static long readUnits(long itemBytes) {
		return Math.max(1, (itemBytes + 4095) / 4096);
	}

	/**
	 * The items with these keys that exist, by key.
	 * @param expectedBytes the expected size of each key's item, for the read budget
	 */
	public Map<Map<String, AttributeValue>, Map<String, AttributeValue>> fetch(String table,
			List<Map<String, AttributeValue>> keys, List<Long> expectedBytes, List<String> keyNames)
			throws InterruptedException {
		Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found = new HashMap<>();
		for (int from = 0; from < keys.size(); from += MAX_KEYS) {
			int to = Math.min(keys.size(), from + MAX_KEYS);
			long units = 0;
			for (long bytes : expectedBytes.subList(from, to)) {
				units += readUnits(bytes);
			}
			WriteCapacityLimiter.Grant grant = readBudget != null ? readBudget.acquire(units) : null;
			try {
				fetchBatch(table, new ArrayList<>(keys.subList(from, to)), keyNames, found);
			}
			finally {
				if (readBudget != null && grant != null) {
					readBudget.completed(grant);
				}
			}
		}
		return found;
	}

	private void fetchBatch(String table, List<Map<String, AttributeValue>> keys, List<String> keyNames,
			Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found) throws InterruptedException {
		Map<String, KeysAndAttributes> pending = Map.of(table,
				KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
		for (int attempt = 0;; attempt++) {
			Map<String, KeysAndAttributes> request = pending;
			BatchGetItemResponse response = client.batchGetItem((b) -> b.requestItems(request));
			for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
				Map<String, AttributeValue> key = new HashMap<>();
				keyNames.forEach((name) -> key.put(name, item.get(name)));
				found.put(key, item);
			}
			if (response.unprocessedKeys().isEmpty()) {
				return;
			}
			if (attempt >= retryPolicy.maxAttempts()) {
				throw new UnprocessedItemsException(
						response.unprocessedKeys().getOrDefault(table, NO_KEYS).keys().size()
								+ " keys were still unprocessed after " + retryPolicy.maxAttempts() + " retries [table="
								+ table + "]. Lower --max-read-capacity or try again later.");
			}
			Duration delay = backoff.computeDelay(attempt + 2);
			sleeper.sleep(delay);
			pending = response.unprocessedKeys();
		}
	}

}
