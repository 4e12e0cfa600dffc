package io.dynamomigrate.dynamodb.capacity;

import java.util.Map;

import io.dynamomigrate.mapping.model.IndexSpec;
import io.dynamomigrate.mapping.model.TableSpec;
import io.dynamomigrate.transform.ItemSizes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The write capacity units a put costs: one per started KB of the item, for the table and
 * again for every global secondary index the item is projected into (an item is in an
 * index only when it has the index's key attributes). Thread-safe.
 */
public final class WriteCost {

	private WriteCost() {
	}

	/** The WCU of putting an item of {@code sizeBytes} into {@code table}. */
	public static long of(Map<String, AttributeValue> item, long sizeBytes, TableSpec table) {
		return ItemSizes.writeUnits(sizeBytes) * (1 + indexesProjecting(item, table));
	}

	/** How many of the table's GSIs hold the item. */
	public static int indexesProjecting(Map<String, AttributeValue> item, TableSpec table) {
		int count = 0;
		for (IndexSpec index : table.globalSecondaryIndexes()) {
			if (item.containsKey(index.partitionKey().name())
					&& (index.sortKey() == null || item.containsKey(index.sortKey().name()))) {
				count++;
			}
		}
		return count;
	}

}
