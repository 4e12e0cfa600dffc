package io.dynamomigrate.dynamodb.write;

import java.io.ByteArrayOutputStream;
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
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
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

	private static final JsonFactory FACTORY = new JsonFactory();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** DynamoDB's answer when every item was written. */
	private static final byte[] NOTHING_UNPROCESSED = "{\"UnprocessedItems\":{}}".getBytes(StandardCharsets.US_ASCII);

	private static final SerializedString PUT_REQUEST = new SerializedString("PutRequest");

	private static final SerializedString DELETE_REQUEST = new SerializedString("DeleteRequest");

	private static final SerializedString ITEM = new SerializedString("Item");

	private static final SerializedString KEY = new SerializedString("Key");

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

	/**
	 * The {@code BatchWriteItem} request of the items, through Jackson's generator: what
	 * {@link RequestBody} writes, byte for byte (the reference its tests compare with).
	 */
	static byte[] body(String table, List<MappedItem> items) {
		long size = 64;
		for (MappedItem item : items) {
			size += item.sizeBytes() + 32L * item.item().size() + 32;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(size, 32 << 20));
		try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
			json.writeStartObject();
			json.writeName("RequestItems");
			json.writeStartObject();
			json.writeName(table);
			json.writeStartArray();
			for (MappedItem item : items) {
				json.writeStartObject();
				json.writeName(item.delete() ? DELETE_REQUEST : PUT_REQUEST);
				json.writeStartObject();
				json.writeName(item.delete() ? KEY : ITEM);
				ItemJson.writeItem(json, item.delete() ? item.key() : item.item());
				json.writeEndObject();
				json.writeEndObject();
			}
			json.writeEndArray();
			json.writeEndObject();
			json.writeEndObject();
		}
		return out.toByteArray();
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
