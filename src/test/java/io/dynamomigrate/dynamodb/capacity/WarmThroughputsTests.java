package io.dynamomigrate.dynamodb.capacity;

import io.dynamomigrate.mapping.model.WriteBudget;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexWarmThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableWarmThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm throughput read from a {@code DescribeTable} answer: the on-demand default
 * budget it gives, and the pre-warm request and its paid increase.
 */
class WarmThroughputsTests {

	private static TableDescription onDemand(Long table, Long index1, Long index2) {
		return TableDescription.builder()
			.tableName("music")
			.billingModeSummary((b) -> b.billingMode(BillingMode.PAY_PER_REQUEST))
			.warmThroughput(table == null ? null
					: TableWarmThroughputDescription.builder().writeUnitsPerSecond(table).status("ACTIVE").build())
			.globalSecondaryIndexes(index("gsi1", index1), index("gsi2", index2))
			.build();
	}

	private static GlobalSecondaryIndexDescription index(String name, Long units) {
		return GlobalSecondaryIndexDescription.builder()
			.indexName(name)
			.warmThroughput(units == null ? null
					: GlobalSecondaryIndexWarmThroughputDescription.builder()
						.writeUnitsPerSecond(units)
						.status("ACTIVE")
						.build())
			.build();
	}

	@Test
	void theOnDemandDefault_isTheLowestWarmThroughputOfTableAndIndexes_orTheFlatDefaultWithoutOne() {
		assertThat(WriteBudgets.defaultWithSource(onDemand(9000L, 12000L, 7000L)))
			.isEqualTo(new WriteBudgets.Default(new WriteBudget(7000, 0, false), "default: the warm throughput of "
					+ "index gsi2 (7000 WCU/s), the lowest of table music and its indexes"));
		assertThat(WriteBudgets.defaultWithSource(onDemand(9000L, null, 12000L)).budget().units()).isEqualTo(9000);
		assertThat(WriteBudgets.defaultWithSource(onDemand(null, null, null)).budget().units())
			.isEqualTo(WriteBudgets.DEFAULT_ON_DEMAND);
		assertThat(WriteBudgets.resolve(WriteBudget.parse("50%", "test"), onDemand(9000L, null, null), (w) -> {
		})).as("a percentage of an on-demand table is of its warm throughput").isEqualTo(4500);
	}

	@Test
	void aPrewarm_raisesOnlyWhatIsBelowIt_andNothingAtOrBelowTheCurrentWarmThroughput() {
		UpdateTableRequest request = WarmThroughputs.prewarm(onDemand(9000L, 12000L, 4000L), 10000);
		assertThat(request.warmThroughput().writeUnitsPerSecond()).isEqualTo(10000);
		assertThat(request.globalSecondaryIndexUpdates()).singleElement()
			.satisfies((u) -> assertThat(u.update().indexName()).isEqualTo("gsi2"));
		assertThat(WarmThroughputs.increase(onDemand(9000L, 12000L, 4000L), 0, 10000)).isEqualTo(1000 + 6000);

		assertThat(WarmThroughputs.prewarm(onDemand(9000L, 12000L, 9000L), 9000)).isNull();
		assertThat(WarmThroughputs.prewarm(onDemand(null, null, null), 9000)).as("no warm throughput shown").isNull();
		assertThat(WarmThroughputs.increase(null, 1, 10000)).as("a new table and its index start at 4000")
			.isEqualTo(2 * 6000);
	}

}
