package io.dynamomigrate.dynamodb.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.dynamodb.capacity.Sleeper;
import io.dynamomigrate.dynamodb.capacity.WarmThroughputs;
import io.dynamomigrate.dynamodb.write.UnprocessedItemsBackoff;
import io.dynamomigrate.mapping.model.TableSpec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Looks at an existing target table without changing it: whether it exists, how its key
 * schema and indexes differ from the mapping, how many of a sample of keys it already
 * holds ({@link ItemFetcher}), and its warm throughput. Read-only. Thread-safe.
 */
public final class TargetInspector {

	private final DynamoDbClient client;

	public TargetInspector(DynamoDbClient client) {
		this.client = client;
	}

	/**
	 * What the table looks like.
	 * @param sampleKeys primary keys to look up (at most 100 are used)
	 */
	public Inspection inspect(TableSpec table, List<Map<String, AttributeValue>> sampleKeys) {
		return inspect(table, sampleKeys, 0);
	}

	/**
	 * What the table looks like, and what pre-warming it to {@code prewarm} WCU/s would
	 * add ({@link WarmThroughputs#increase}; from a new table's warm throughput when it
	 * does not exist).
	 * @param sampleKeys primary keys to look up (at most 100 are used)
	 */
	public Inspection inspect(TableSpec table, List<Map<String, AttributeValue>> sampleKeys, long prewarm) {
		TableDescription existing = new TableProvisioner(client).describeOrNull(table.name());
		if (existing == null) {
			return new Inspection(false, List.of(), 0, 0, 0,
					WarmThroughputs.increase(null, table.globalSecondaryIndexes().size(), prewarm));
		}
		List<String> differences = new ArrayList<>(TableProvisioner.keyDifferences(table, existing));
		differences.addAll(TableProvisioner.indexDifferences(table, existing));
		List<Map<String, AttributeValue>> keys = sampleKeys.subList(0, Math.min(100, sampleKeys.size()));
		int present = differences.isEmpty() && !keys.isEmpty() ? present(table, keys) : 0;
		return new Inspection(true, differences, differences.isEmpty() ? keys.size() : 0, present,
				WarmThroughputs.table(existing), WarmThroughputs.increase(existing, 0, prewarm));
	}

	private int present(TableSpec table, List<Map<String, AttributeValue>> keys) {
		try {
			return new ItemFetcher(client, null, UnprocessedItemsBackoff.DEFAULT, Sleeper.SYSTEM)
				.fetch(table.name(), keys, Collections.nCopies(keys.size(), 0L), table.keyAttributeNames())
				.size();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while sampling table " + table.name(), ex);
		}
	}

	/**
	 * The result.
	 *
	 * @param exists whether the table exists
	 * @param differences key-schema and index differences from the mapping
	 * @param sampledKeys how many keys were looked up
	 * @param sampledPresent how many of them the table holds
	 * @param warmWriteUnits the table's warm write throughput in WCU/s, 0 when none is
	 * shown
	 * @param prewarmIncrease the warm write units per second a pre-warm would add over
	 * the table and its indexes
	 */
	public record Inspection(boolean exists, List<String> differences, int sampledKeys, int sampledPresent,
			long warmWriteUnits, long prewarmIncrease) {
	}

}
