package io.dynamomigrate.mapping;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A target DynamoDB table: created when missing, checked against the mapping when it exists.
 *
 * @param name the table name
 * @param partitionKey the partition (hash) key
 * @param sortKey the sort (range) key, or null
 * @param globalSecondaryIndexes the GSIs
 * @param billingMode how a created table is billed
 * @param readCapacity provisioned RCU (PROVISIONED only)
 * @param writeCapacity provisioned WCU (PROVISIONED only)
 */
public record TableSpec(String name, KeySpec partitionKey, @Nullable KeySpec sortKey,
		List<IndexSpec> globalSecondaryIndexes, BillingMode billingMode, long readCapacity, long writeCapacity) {

	public TableSpec {
		globalSecondaryIndexes = List.copyOf(globalSecondaryIndexes);
	}

	/** The attribute names of the primary key, partition key first. */
	public List<String> keyAttributeNames() {
		List<String> names = new ArrayList<>();
		names.add(partitionKey.name());
		if (sortKey != null) {
			names.add(sortKey.name());
		}
		return names;
	}

}
