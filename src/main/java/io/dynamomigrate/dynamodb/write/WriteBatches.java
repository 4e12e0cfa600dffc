package io.dynamomigrate.dynamodb.write;

import java.util.ArrayList;
import java.util.List;

import io.dynamomigrate.transform.ItemSizes;
import io.dynamomigrate.transform.MappedItem;

/**
 * Splits items into {@code BatchWriteItem} requests that keep the API's rules: at most 25
 * items and at most 16 MB of item data per request, no item over 400 KB (DESIGN.md
 * invariant 3). Thread-safe.
 */
final class WriteBatches {

	/** The API's limit of write requests per call. */
	static final int MAX_ITEMS = 25;

	/** The API's limit of item data per call. */
	static final long MAX_BYTES = 16L * 1024 * 1024;

	private WriteBatches() {
	}

	static List<List<MappedItem>> split(List<MappedItem> items, int maxItems, long maxBytes) {
		List<List<MappedItem>> batches = new ArrayList<>();
		List<MappedItem> batch = new ArrayList<>();
		long bytes = 0;
		for (MappedItem item : items) {
			if (item.sizeBytes() > ItemSizes.MAX_ITEM_BYTES) {
				throw new IllegalArgumentException("An item of " + item.sizeBytes() + " bytes from " + item.position()
						+ " is over DynamoDB's 400 KB limit; it should have been rejected");
			}
			if (!batch.isEmpty() && (batch.size() == maxItems || bytes + item.sizeBytes() > maxBytes)) {
				batches.add(batch);
				batch = new ArrayList<>();
				bytes = 0;
			}
			batch.add(item);
			bytes += item.sizeBytes();
		}
		if (!batch.isEmpty()) {
			batches.add(batch);
		}
		return batches;
	}

}
