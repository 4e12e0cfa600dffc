package io.dynamomigrate.dynamodb.capacity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.WarmThroughput;

/**
 * A table's warm throughput as {@code DescribeTable} shows it (the write units per second
 * the table and each of its global secondary indexes can take at once), and the
 * {@code UpdateTable} request that pre-warms them ({@code --prewarm}). An endpoint
 * without warm throughput (dynalite) shows none: every figure is then 0. Pre-warming is
 * paid and cannot be undone; a value at or below the current warm throughput is not sent.
 * Stateless.
 */
public final class WarmThroughputs {

	/**
	 * What AWS documents a new on-demand table (and its indexes) to take at once, before
	 * any pre-warming.
	 */
	public static final long NEW_TABLE_WRITE_UNITS = WriteBudgets.DEFAULT_ON_DEMAND;

	private WarmThroughputs() {
	}

	/** The table's warm write units per second, or 0 when the description has none. */
	public static long table(TableDescription table) {
		Long units = table.warmThroughput() != null ? table.warmThroughput().writeUnitsPerSecond() : null;
		return units != null && units > 0 ? units : 0;
	}

	/** The warm write units per second of each index that shows one, by index name. */
	public static Map<String, Long> indexes(TableDescription table) {
		Map<String, Long> indexes = new LinkedHashMap<>();
		for (GlobalSecondaryIndexDescription index : indexDescriptions(table)) {
			Long units = index.warmThroughput() != null ? index.warmThroughput().writeUnitsPerSecond() : null;
			if (units != null && units > 0) {
				indexes.put(index.indexName(), units);
			}
		}
		return indexes;
	}

	/**
	 * Whether the table's and its indexes' warm throughput is not being raised (ACTIVE,
	 * or not shown).
	 */
	public static boolean active(TableDescription table) {
		if (table.warmThroughput() != null && table.warmThroughput().status() != null
				&& table.warmThroughput().status() != TableStatus.ACTIVE) {
			return false;
		}
		return indexDescriptions(table).stream()
			.allMatch((i) -> i.warmThroughput() == null || i.warmThroughput().status() == null
					|| i.warmThroughput().status() == IndexStatus.ACTIVE);
	}

	/**
	 * The request that raises the warm write throughput of the table and of each of its
	 * indexes below {@code writeUnits} to {@code writeUnits}, or null when none is below
	 * it (nothing to pay for) or when the endpoint shows no warm throughput for the table
	 * (it has none to raise). An index without a warm throughput shown is taken to have
	 * {@link #NEW_TABLE_WRITE_UNITS}.
	 */
	public static @Nullable UpdateTableRequest prewarm(TableDescription table, long writeUnits) {
		if (table(table) == 0) {
			return null;
		}
		WarmThroughput warm = WarmThroughput.builder().writeUnitsPerSecond(writeUnits).build();
		UpdateTableRequest.Builder request = UpdateTableRequest.builder().tableName(table.tableName());
		boolean raise = table(table) < writeUnits;
		if (raise) {
			request.warmThroughput(warm);
		}
		Map<String, Long> indexes = indexes(table);
		List<GlobalSecondaryIndexUpdate> updates = new ArrayList<>();
		for (GlobalSecondaryIndexDescription index : indexDescriptions(table)) {
			if (current(indexes.getOrDefault(index.indexName(), 0L)) < writeUnits) {
				updates.add(GlobalSecondaryIndexUpdate.builder()
					.update((u) -> u.indexName(index.indexName()).warmThroughput(warm))
					.build());
			}
		}
		if (!updates.isEmpty()) {
			request.globalSecondaryIndexUpdates(updates);
		}
		return raise || !updates.isEmpty() ? request.build() : null;
	}

	/**
	 * The warm write units a pre-warm to {@code writeUnits} adds, summed over the table
	 * and its indexes (what is paid for): for a table that does not exist yet (null),
	 * from {@link #NEW_TABLE_WRITE_UNITS} for the table and each of {@code newIndexes}
	 * indexes.
	 */
	public static long increase(@Nullable TableDescription table, int newIndexes, long writeUnits) {
		if (table == null) {
			return Math.max(0, writeUnits - NEW_TABLE_WRITE_UNITS) * (1 + newIndexes);
		}
		long increase = Math.max(0, writeUnits - current(table(table)));
		Map<String, Long> indexes = indexes(table);
		for (GlobalSecondaryIndexDescription index : indexDescriptions(table)) {
			increase += Math.max(0, writeUnits - current(indexes.getOrDefault(index.indexName(), 0L)));
		}
		return increase;
	}

	private static long current(long shown) {
		return shown > 0 ? shown : NEW_TABLE_WRITE_UNITS;
	}

	private static List<GlobalSecondaryIndexDescription> indexDescriptions(TableDescription table) {
		return table.hasGlobalSecondaryIndexes() ? table.globalSecondaryIndexes() : List.of();
	}

}
