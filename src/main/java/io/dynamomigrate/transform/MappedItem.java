package io.dynamomigrate.transform;

import java.util.Map;

import io.dynamomigrate.source.SourcePosition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item ready to write: its attributes, its primary key, its size by DynamoDB's rules and the record it came
 * from. Immutable.
 *
 * @param table the target table
 * @param item the attributes
 * @param key the primary key attributes (a subset of {@code item})
 * @param sizeBytes the item's size
 * @param position the source record's position
 */
public record MappedItem(String table, Map<String, AttributeValue> item, Map<String, AttributeValue> key,
		long sizeBytes, SourcePosition position) {

	public MappedItem {
		item = Map.copyOf(item);
		key = Map.copyOf(key);
	}

}
