package io.dynamomigrate.dynamodb.capacity;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.dynamomigrate.mapping.model.WriteBudget;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * What a {@link WriteBudget} comes to for a table as {@code DescribeTable} shows it: a
 * percentage is of the table's provisioned write capacity (or, on demand, of its warm
 * throughput or {@link #DEFAULT_ON_DEMAND}), and a table without a budget gets a default.
 * Thread-safe (no state).
 */
public final class WriteBudgets {

	/**
	 * Used for a provisioned table when no budget is given: half its write capacity, like
	 * AWS Glue's default.
	 */
	public static final WriteBudget DEFAULT_PROVISIONED = new WriteBudget(0, 50, false);

	/**
	 * Used for an on-demand table when no budget is given and {@code DescribeTable} shows
	 * no warm throughput: 4,000 WCU/s, what AWS documents a new on-demand table to serve
	 * at once (its initial peak); a percentage of an on-demand table is of this figure
	 * (or of the warm throughput, {@link #defaultWithSource}) too.
	 */
	public static final long DEFAULT_ON_DEMAND = 4000;

	/**
	 * AWS's default per-table limit of an on-demand table: more is refused by DynamoDB.
	 */
	public static final long ON_DEMAND_TABLE_QUOTA = 40_000;

	private WriteBudgets() {
	}

	/**
	 * The budget in WCU per second for a table as {@code DescribeTable} shows it, or 0
	 * for unlimited; warnings (a budget above what the table or one of its indexes can
	 * take) go to {@code warnings}.
	 */
	public static long resolve(WriteBudget given, TableDescription table, Consumer<String> warnings) {
		boolean onDemand = table.billingModeSummary() != null
				&& table.billingModeSummary().billingMode() == BillingMode.PAY_PER_REQUEST;
		long capacity = onDemand ? onDemandLimit(table) : provisioned(table);
		if (given.unlimited()) {
			return 0;
		}
		long budget = given.units() > 0 ? given.units()
				: Math.max(1, (onDemand ? onDemandDefault(table).budget().units() : capacity) * given.percent() / 100);
		if (capacity > 0 && budget > capacity) {
			warnings.accept("The write budget of table " + table.tableName() + " (" + budget + " WCU/s) is above "
					+ (onDemand ? "its on-demand limit" : "its provisioned write capacity") + " (" + capacity
					+ " WCU/s); writes will be throttled. Lower --max-write-capacity or raise the table's capacity.");
		}
		if (!onDemand) {
			for (GlobalSecondaryIndexDescription index : indexes(table)) {
				Long units = index.provisionedThroughput() != null ? index.provisionedThroughput().writeCapacityUnits()
						: null;
				if (units != null && units > 0 && budget > units) {
					warnings.accept("Index " + index.indexName() + " of table " + table.tableName() + " has " + units
							+ " WCU/s, below the write budget (" + budget + " WCU/s); items projected into "
							+ "it may be throttled. Raise the index's write capacity or lower the budget.");
				}
			}
		}
		return budget;
	}

	/**
	 * The budget for a table without one given: {@link #DEFAULT_PROVISIONED}, or for an
	 * on-demand table its warm throughput when {@code DescribeTable} shows one, else
	 * {@link #DEFAULT_ON_DEMAND}.
	 */
	public static WriteBudget defaultFor(TableDescription table) {
		return defaultWithSource(table).budget();
	}

	/**
	 * The budget for a table without one given, and where it comes from (for the run
	 * summary). For an on-demand table with warm throughput it is the smallest warm write
	 * throughput of the table and its global secondary indexes (an item projected into an
	 * index is written there too, so the coldest one is what the load can count on at
	 * once, as with the capacity warnings of {@link #resolve}).
	 */
	public static Default defaultWithSource(TableDescription table) {
		boolean onDemand = table.billingModeSummary() != null
				&& table.billingModeSummary().billingMode() == BillingMode.PAY_PER_REQUEST;
		if (!onDemand && provisioned(table) > 0) {
			return new Default(DEFAULT_PROVISIONED, "default: 50% of the table's provisioned write capacity");
		}
		return onDemandDefault(table);
	}

	private static Default onDemandDefault(TableDescription table) {
		long units = WarmThroughputs.table(table);
		if (units == 0) {
			return new Default(new WriteBudget(DEFAULT_ON_DEMAND, 0, false),
					"default for an on-demand table without warm throughput: " + DEFAULT_ON_DEMAND + " WCU/s");
		}
		String source = "default: the warm throughput of table " + table.tableName() + " (" + units + " WCU/s)";
		for (Map.Entry<String, Long> index : WarmThroughputs.indexes(table).entrySet()) {
			if (index.getValue() < units) {
				units = index.getValue();
				source = "default: the warm throughput of index " + index.getKey() + " (" + units + " WCU/s), the "
						+ "lowest of table " + table.tableName() + " and its indexes";
			}
		}
		return new Default(new WriteBudget(units, 0, false), source);
	}

	/**
	 * A default budget and where it comes from.
	 *
	 * @param budget the budget
	 * @param source where it comes from, in words
	 */
	public record Default(WriteBudget budget, String source) {
	}

	private static long provisioned(TableDescription table) {
		Long units = table.provisionedThroughput() != null ? table.provisionedThroughput().writeCapacityUnits() : null;
		return units != null ? units : 0;
	}

	private static long onDemandLimit(TableDescription table) {
		Long max = table.onDemandThroughput() != null ? table.onDemandThroughput().maxWriteRequestUnits() : null;
		return max != null && max > 0 ? max : ON_DEMAND_TABLE_QUOTA;
	}

	private static List<GlobalSecondaryIndexDescription> indexes(TableDescription table) {
		return table.hasGlobalSecondaryIndexes() ? table.globalSecondaryIndexes() : List.of();
	}

}
