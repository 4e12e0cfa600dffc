package io.dynamomigrate.dynamodb.write;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dynamomigrate.mapping.model.DuplicateKeyPolicy;
import io.dynamomigrate.records.RecordRejectedException;
import io.dynamomigrate.records.RejectReason;
import io.dynamomigrate.transform.MappedItem;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Resolves items of one chunk that share a primary key, which a {@code BatchWriteItem}
 * request must not contain, by the mapping's {@link DuplicateKeyPolicy}. Thread-safe.
 */
public final class DuplicateKeys {

	private DuplicateKeys() {
	}

	/**
	 * The outcome: the items to write (in first-seen key order), the items dropped by the
	 * policy, and the items rejected by it.
	 */
	public record Resolution(List<MappedItem> toWrite, List<MappedItem> dropped,
			List<RecordRejectedException> rejected) {
	}

	public static Resolution resolve(List<? extends MappedItem> items, DuplicateKeyPolicy policy) {
		if (distinct(items)) { // the usual case: no grouping, no list per key
			return new Resolution(List.copyOf(items), List.of(), List.of());
		}
		Map<KeyIdentity, List<MappedItem>> byKey = new LinkedHashMap<>(items.size() * 4 / 3 + 1);
		for (MappedItem item : items) {
			byKey.computeIfAbsent(KeyIdentity.of(item.key()), (k) -> new ArrayList<>(1)).add(item);
		}
		List<MappedItem> toWrite = new ArrayList<>();
		List<MappedItem> dropped = new ArrayList<>();
		List<RecordRejectedException> rejected = new ArrayList<>();
		Set<KeyIdentity> seen = new HashSet<>();
		for (Map.Entry<KeyIdentity, List<MappedItem>> entry : byKey.entrySet()) {
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

	/** Whether no two items share a key. */
	private static boolean distinct(List<? extends MappedItem> items) {
		Set<KeyIdentity> keys = new HashSet<>(items.size() * 4 / 3 + 1);
		for (MappedItem item : items) {
			if (!keys.add(KeyIdentity.of(item.key()))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A primary key as a hash key: equal exactly when the key maps are equal
	 * ({@code AttributeValue.equals}), with a hash of the names and the scalar values
	 * only, where {@code AttributeValue.hashCode} hashes every member of every value. Key
	 * attributes are S, N or B.
	 */
	private record KeyIdentity(Map<String, AttributeValue> key, int hash) {

		static KeyIdentity of(Map<String, AttributeValue> key) {
			int hash = 0;
			for (Map.Entry<String, AttributeValue> attribute : key.entrySet()) {
				AttributeValue value = attribute.getValue();
				Object scalar = value.s() != null ? value.s() : value.n() != null ? value.n() : value.b();
				hash += attribute.getKey().hashCode() ^ (scalar != null ? scalar.hashCode() : value.hashCode());
			}
			return new KeyIdentity(key, hash);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof KeyIdentity identity && hash == identity.hash && key.equals(identity.key);
		}

		@Override
		public int hashCode() {
			return hash;
		}

	}

}
