package io.dynamomigrate.dynamodb.write;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.dynamodb.client.DirectDynamoDb;
import io.dynamomigrate.transform.MappedItem;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code BatchWriteItem} call on the lean path: the request body is written straight
 * from the items' attributes ({@link RequestBody}), posted by {@link DirectDynamoDb}
 * (SigV4, the SDK's HTTP client and retry strategy, wrapped by a {@link ThrottleObserver}
 * so that every attempt reports to the writer), and the {@code UnprocessedItems} of the
 * answer are matched to the items sent by key. Thread-safe.
 */
final class DirectBatchCall implements BatchCall {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** DynamoDB's answer when every item was written. */
	private static final byte[] NOTHING_UNPROCESSED = "{\"UnprocessedItems\":{}}".getBytes(StandardCharsets.US_ASCII);

	private final DirectDynamoDb direct;

	DirectBatchCall(DirectDynamoDb direct) {
		this.direct = direct;
	}

	@Override
	public List<MappedItem> call(String table, List<MappedItem> pending, ThrottleObserver.@Nullable Attempts attempts) {
		RetryStrategy retries = attempts != null ? ThrottleObserver.wrap(direct.retryStrategy(), attempts)
				: direct.retryStrategy();
		byte[] answer = direct.call("BatchWriteItem", RequestBody.of(table, pending), retries);
		if (Arrays.equals(answer, NOTHING_UNPROCESSED)) { // the usual answer: no tree to
															// parse
			return List.of();
		}
		JsonNode returned = JSON.readTree(answer).path("UnprocessedItems").path(table);
		if (returned.isEmpty()) {
			return List.of();
		}
		List<Map<String, AttributeValue>> keys = new ArrayList<>(returned.size());
		for (JsonNode request : returned.values()) {
			JsonNode attributes = request.has("PutRequest") ? request.path("PutRequest").path("Item")
					: request.path("DeleteRequest").path("Key");
			keys.add(keyValues(attributes, pending.get(0).key().keySet()));
		}
		return UnprocessedKeys.match(keys, pending);
	}

	/** The key attributes (S, N or B) of an item or key in DynamoDB JSON. */
	private static Map<String, AttributeValue> keyValues(JsonNode attributes, Iterable<String> names) {
		Map<String, AttributeValue> key = new HashMap<>();
		for (String name : names) {
			JsonNode value = attributes.path(name);
			if (value.has("S")) {
				key.put(name, AttributeValue.fromS(value.get("S").asString()));
			}
			else if (value.has("N")) {
				key.put(name, AttributeValue.fromN(value.get("N").asString()));
			}
			else if (value.has("B")) {
				key.put(name, AttributeValue.fromB(SdkBytes.fromByteArray(value.get("B").binaryValue())));
			}
		}
		return key;
	}

}
