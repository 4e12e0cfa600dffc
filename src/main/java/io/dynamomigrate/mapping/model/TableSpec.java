package io.dynamomigrate.mapping.model;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A target DynamoDB table: created when missing, checked against the mapping when it
 * exists.
 *
 * @param name the table name
 * @param partitionKey the partition (hash) key
 * @param sortKey the sort (range) key, or null
 * @param globalSecondaryIndexes the GSIs
 * @param billingMode how a created table is billed
 * @param readCapacity provisioned RCU (PROVISIONED only)
 * @param writeCapacity provisioned WCU (PROVISIONED only)
 * @param writeBudget the write budget of a run ({@code 1500}, {@code 50%},
 * {@code unlimited}), or null for the default; {@code --max-write-capacity} wins over it
 */
public record TableSpec(String name, KeySpec partitionKey, @Nullable KeySpec sortKey,
		List<IndexSpec> globalSecondaryIndexes, BillingMode billingMode, long readCapacity, long writeCapacity,
		@Nullable WriteBudget writeBudget) {

	public TableSpec {
		globalSecondaryIndexes = List.copyOf(globalSecondaryIndexes);
	}

	/** A table without a write budget of its own. */
	public TableSpec(String name, KeySpec partitionKey, @Nullable KeySpec sortKey,
			List<IndexSpec> globalSecondaryIndexes, BillingMode billingMode, long readCapacity, long writeCapacity) {
		this(name, partitionKey, sortKey, globalSecondaryIndexes, billingMode, readCapacity, writeCapacity, null);
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
