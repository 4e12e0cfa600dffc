package io.dynamomigrate.dynamodb.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.transform.MappedItem;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A {@code BatchWriteItem} call through the SDK's client: the items become
 * {@link WriteRequest}s, and the call's retries report to the writer through a
 * per-request {@link ThrottleObserver} plugin.
 */
final class SdkBatchCall implements BatchCall {

	private final DynamoDbClient client;

	SdkBatchCall(DynamoDbClient client) {
		this.client = client;
	}

	@Override
	public List<MappedItem> call(String table, List<MappedItem> pending, ThrottleObserver.@Nullable Attempts attempts) {
		List<WriteRequest> requests = new ArrayList<>(pending.size());
		for (MappedItem item : pending) {
			requests.add(item.delete() ? WriteRequest.builder().deleteRequest((d) -> d.key(item.key())).build()
					: WriteRequest.builder().putRequest((p) -> p.item(item.item())).build());
		}
		BatchWriteItemResponse response = client.batchWriteItem((b) -> {
			b.requestItems(Map.of(table, requests));
			if (attempts != null) {
				b.overrideConfiguration((o) -> o.addPlugin(ThrottleObserver.plugin(attempts)));
			}
		});
		List<WriteRequest> returned = response.unprocessedItems().getOrDefault(table, List.of());
		if (returned.isEmpty()) {
			return List.of();
		}
		List<Map<String, AttributeValue>> keys = new ArrayList<>(returned.size());
		for (WriteRequest request : returned) {
			keys.add(request.putRequest() != null ? request.putRequest().item() : request.deleteRequest().key());
		}
		return UnprocessedKeys.match(keys, pending);
	}

}
