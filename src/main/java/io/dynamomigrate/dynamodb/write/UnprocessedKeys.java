package io.dynamomigrate.dynamodb.write;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.transform.MappedItem;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The sent items that DynamoDB returned unprocessed, matched by primary key. */
final class UnprocessedKeys {

	private UnprocessedKeys() {
	}

	/**
	 * The pending items whose keys are among the returned attributes (each an item or a
	 * key), in the order returned, so that costs stay per item.
	 */
	static List<MappedItem> match(List<Map<String, AttributeValue>> returned, List<MappedItem> pending) {
		Map<Map<String, AttributeValue>, MappedItem> byKey = new HashMap<>();
		for (MappedItem item : pending) {
			byKey.put(item.key(), item);
		}
		List<MappedItem> unprocessed = new ArrayList<>(returned.size());
		for (Map<String, AttributeValue> attributes : returned) {
			Map<String, AttributeValue> key = new HashMap<>();
			for (String name : pending.get(0).key().keySet()) {
				key.put(name, attributes.get(name));
			}
			MappedItem item = byKey.get(key);
			if (item == null) {
				throw new IllegalStateException(
						"DynamoDB returned an unprocessed item that was not sent [key=" + key + "]");
			}
			unprocessed.add(item);
		}
		return unprocessed;
	}

}
