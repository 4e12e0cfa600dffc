package io.dynamomigrate.dynamodb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dynamomigrate.mapping.DuplicateKeyPolicy;
import io.dynamomigrate.transform.MappedItem;
import io.dynamomigrate.transform.RecordRejectedException;
import io.dynamomigrate.transform.RejectReason;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Resolves items of one chunk that share a primary key, which a {@code BatchWriteItem} request must not contain,
 * by the mapping's {@link DuplicateKeyPolicy}. Thread-safe.
 */
public final class DuplicateKeys {

	private DuplicateKeys() {
	}

	/**
	 * The outcome: the items to write (in first-seen key order), the items dropped by the policy, and the items
	 * rejected by it.
	 */
	public record Resolution(List<MappedItem> toWrite, List<MappedItem> dropped, List<RecordRejectedException> rejected) {
	}

	public static Resolution resolve(List<? extends MappedItem> items, DuplicateKeyPolicy policy) {
		Map<Map<String, AttributeValue>, List<MappedItem>> byKey = new LinkedHashMap<>();
		for (MappedItem item : items) {
			byKey.computeIfAbsent(item.key(), (k) -> new ArrayList<>(1)).add(item);
		}
		if (byKey.size() == items.size()) {
			return new Resolution(List.copyOf(items), List.of(), List.of());
		}
		List<MappedItem> toWrite = new ArrayList<>();
		List<MappedItem> dropped = new ArrayList<>();
		List<RecordRejectedException> rejected = new ArrayList<>();
		Set<Map<String, AttributeValue>> seen = new HashSet<>();
		for (Map.Entry<Map<String, AttributeValue>, List<MappedItem>> entry : byKey.entrySet()) {
			List<MappedItem> same = entry.getValue();
			seen.add(entry.getKey());
			if (same.size() == 1) {
				toWrite.add(same.get(0));
				continue;
			}
			switch (policy) {
				case LAST_WINS -> {
					toWrite.add(same.get(same.size() - 1));
					dropped.addAll(same.subList(0, same.size() - 1));
				}
				case FIRST_WINS -> {
					toWrite.add(same.get(0));
					dropped.addAll(same.subList(1, same.size()));
				}
				case REJECT -> {
					for (MappedItem item : same) {
						rejected.add(new RecordRejectedException(RejectReason.DUPLICATE_KEY, item.position(), "",
								same.size() + " records of one chunk map to this key and onDuplicateKey is reject",
								item.key()));
					}
				}
			}
		}
		return new Resolution(toWrite, dropped, rejected);
	}

}
