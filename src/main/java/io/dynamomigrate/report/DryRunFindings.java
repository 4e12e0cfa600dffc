package io.dynamomigrate.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

import io.dynamomigrate.dynamodb.capacity.WriteCost;
import io.dynamomigrate.dynamodb.imports.DynamoDbJsonLines;
import io.dynamomigrate.mapping.model.DuplicateKeyPolicy;
import io.dynamomigrate.mapping.model.TableSpec;
import io.dynamomigrate.report.DryRunReport.Collision;
import io.dynamomigrate.report.DryRunReport.HotKey;
import io.dynamomigrate.report.DryRunReport.LargeItem;
import io.dynamomigrate.transform.ItemSizes;
import io.dynamomigrate.transform.MappedItem;
import org.HdrHistogram.Histogram;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Collects what a dry run's items would do to each table: counts, write units, size
 * distribution (HdrHistogram), the largest items, items near the 400 KB limit, partition
 * keys by load, and primary keys seen in more than one chunk. Keys and per-partition-key
 * loads are kept in an on-disk map (H2 MVStore), so collisions are found exactly with
 * bounded memory at any volume. Thread-safe (all methods synchronized).
 */
public final class DryRunFindings implements AutoCloseable {

	/** Items at or above this size are reported as near DynamoDB's 400 KB limit. */
	public static final long NEAR_LIMIT_BYTES = 350 * 1024;

	private static final int LARGEST = 10;

	private static final int KEY_SAMPLE = 100;

	private final MVStore store;

	private final Map<String, TableState> tables = new LinkedHashMap<>();

	private final Map<String, Long> duplicatesInChunks = new HashMap<>();

	private final List<Collision> collisionExamples = new ArrayList<>();

	private long collisions;

	private String origin = "";

	/** Findings whose on-disk state lives in {@code file} (deleted on close). */
	public DryRunFindings(Path file) {
		this.store = new MVStore.Builder().fileName(file.toString()).cacheSize(16).open();
	}

	/**
	 * Names the fleet entry whose items follow, so that positions (and collisions across
	 * entries) say which entry an item came from; entries are dry-run one after another.
	 */
	public synchronized void origin(String entry) {
		this.origin = "entry " + entry + ", ";
	}

	/** Records an item that the run would write. */
	public synchronized void item(String step, TableSpec table, MappedItem item, DuplicateKeyPolicy policy) {
		TableState state = tables.computeIfAbsent(table.name(), (name) -> new TableState(name, store));
		long units = WriteCost.of(item.item(), item.sizeBytes(), table);
		String key = ItemKeys.text(item.key());
		String position = origin + item.position();
		String earlier = state.keys.putIfAbsent(key, position);
		if (earlier != null) {
			collisions++;
			if (collisionExamples.size() < 10) {
				collisionExamples.add(new Collision(table.name(), key, earlier, position, outcome(policy)));
			}
		}
		String partitionKey = ItemKeys.scalar(
				Objects.requireNonNull(item.key().get(table.partitionKey().name()), "a key holds its partition key"));
		state.add(item, units, key, position, partitionKey);
	}

	/**
	 * Records that records of one chunk shared a key and were resolved by onDuplicateKey.
	 */
	public synchronized void duplicatesInChunk(String step, long count) {
		duplicatesInChunks.merge(step, count, Long::sum);
	}

	synchronized long duplicatesInChunks(String step) {
		return duplicatesInChunks.getOrDefault(step, 0L);
	}

	synchronized long collisions() {
		return collisions;
	}

	synchronized List<Collision> collisionExamples() {
		return List.copyOf(collisionExamples);
	}

	/**
	 * Up to 100 primary keys of the table's items, for sampling the existing target
	 * table.
	 */
	public synchronized List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> keySample(
			String table) {
		return List.copyOf(table(table).keySample);
	}

	synchronized TableState table(String name) {
		return tables.computeIfAbsent(name, (n) -> new TableState(n, store));
	}

	private static String outcome(DuplicateKeyPolicy policy) {
		return "a real run writes both records in different chunks, so the later one replaces the earlier one ("
				+ policy.name().toLowerCase().replace('_', '-') + " applies only within a chunk)";
	}

	@Override
	public synchronized void close() {
		store.closeImmediately();
	}

	/** The state of one table. Guarded by the enclosing findings' lock. */
	static final class TableState {

		final String name;

		final MVMap<String, String> keys;

		final MVMap<String, long[]> partitionLoad;

		final Histogram sizes = new Histogram(ItemSizes.MAX_ITEM_BYTES * 2, 3);

		final PriorityQueue<LargeItem> largest = new PriorityQueue<>(Comparator.comparingLong(LargeItem::bytes));

		final List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> keySample = new ArrayList<>();

		long items;

		long writeUnits;

		long bytes;

		/** The items as DynamoDB JSON lines, what an import would read (uncompressed). */
		long importBytes;

		long nearLimit;

		TableState(String name, MVStore store) {
			this.name = name;
			this.keys = store.openMap("keys." + name);
			this.partitionLoad = store.openMap("partitions." + name);
		}

		void add(MappedItem item, long units, String key, String position, String partitionKey) {
			items++;
			writeUnits += units;
			bytes += item.sizeBytes();
			importBytes += DynamoDbJsonLines.bytes(item.item());
			sizes.recordValue(Math.max(1, item.sizeBytes()));
			if (item.sizeBytes() >= NEAR_LIMIT_BYTES) {
				nearLimit++;
			}
			if (largest.size() < LARGEST || largest.peek().bytes() < item.sizeBytes()) {
				largest.add(new LargeItem(key, item.sizeBytes(), position));
				if (largest.size() > LARGEST) {
					largest.poll();
				}
			}
			if (keySample.size() < KEY_SAMPLE) {
				keySample.add(item.key());
			}
			long[] load = partitionLoad.get(partitionKey);
			partitionLoad.put(partitionKey,
					load == null ? new long[] { 1, units } : new long[] { load[0] + 1, load[1] + units });
		}

		List<HotKey> hotKeys(int count) {
			PriorityQueue<HotKey> top = new PriorityQueue<>(Comparator.comparingLong(HotKey::writeUnits));
			for (Map.Entry<String, long[]> entry : partitionLoad.entrySet()) {
				long[] load = entry.getValue();
				if (top.size() < count || top.peek().writeUnits() < load[1]) {
					top.add(new HotKey(entry.getKey(), load[0], load[1],
							writeUnits == 0 ? 0 : (double) load[1] / writeUnits));
					if (top.size() > count) {
						top.poll();
					}
				}
			}
			List<HotKey> sorted = new ArrayList<>(top);
			sorted.sort(Comparator.comparingLong(HotKey::writeUnits).reversed());
			return sorted;
		}

		List<LargeItem> largestItems() {
			List<LargeItem> sorted = new ArrayList<>(largest);
			sorted.sort(Comparator.comparingLong(LargeItem::bytes).reversed());
			return sorted;
		}

	}

}
