package io.dynamomigrate.transform;

import java.util.Map;

import io.dynamomigrate.records.SourcePosition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item ready to write — or, for a deleted source row, the key of an item to delete —
 * with its primary key, its size by DynamoDB's rules and the record it came from.
 * Immutable.
 *
 * @param table the target table
 * @param item the attributes (for a deletion: the key)
 * @param key the primary key attributes (a subset of {@code item})
 * @param sizeBytes the item's size
 * @param position the source record's position
 * @param delete whether the item is to be deleted ({@code DeleteRequest}) rather than put
 */
public record MappedItem(String table, Map<String, AttributeValue> item, Map<String, AttributeValue> key,
		long sizeBytes, SourcePosition position, boolean delete) {

	public MappedItem {
		item = ItemAttributes.immutable(item);
		key = ItemAttributes.immutable(key);
	}

	/** An item to put. */
	public MappedItem(String table, Map<String, AttributeValue> item, Map<String, AttributeValue> key, long sizeBytes,
			SourcePosition position) {
		this(table, item, key, sizeBytes, position, false);
	}

	/** The deletion of the item with the given key. */
	public static MappedItem deletion(String table, Map<String, AttributeValue> key, SourcePosition position) {
		return new MappedItem(table, key, key, ItemSizes.of(key), position, true);
	}

}
