package io.dynamomigrate.dynamodb.capacity;

import java.util.ArrayList;
import java.util.List;

import io.dynamomigrate.mapping.model.WriteBudget;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Budgets as written, and resolved against table descriptions as {@code DescribeTable}
 * returns them.
 */
class WriteBudgetTests {

	private final List<String> warnings = new ArrayList<>();

	private static TableDescription provisioned(long wcu, GlobalSecondaryIndexDescription... indexes) {
		return TableDescription.builder()
			.tableName("music")
			.billingModeSummary((b) -> b.billingMode(BillingMode.PROVISIONED))
			.provisionedThroughput((b) -> b.writeCapacityUnits(wcu).readCapacityUnits(5L))
			.globalSecondaryIndexes(indexes)
			.build();
	}

	private static TableDescription onDemand() {
		return TableDescription.builder()
			.tableName("music")
			.billingModeSummary((b) -> b.billingMode(BillingMode.PAY_PER_REQUEST))
			.provisionedThroughput((b) -> b.writeCapacityUnits(0L).readCapacityUnits(0L))
			.build();
	}

	@Test
	void numbersPercentagesAndUnlimited_areParsed() {
		assertThat(WriteBudget.parse("1500", "x")).isEqualTo(new WriteBudget(1500, 0, false));
		assertThat(WriteBudget.parse("1_500", "x").units()).isEqualTo(1500);
		assertThat(WriteBudget.parse(" 50% ", "x")).isEqualTo(new WriteBudget(0, 50, false));
		assertThat(WriteBudget.parse("Unlimited", "x").unlimited()).isTrue();
	}

	@Test
	void anythingElse_isRefusedNamingWhereAndTheFix() {
		for (String bad : List.of("0", "-5", "150%", "0%", "fast", "12.5", "")) {
			assertThatIllegalArgumentException().isThrownBy(() -> WriteBudget.parse(bad, "--max-write-capacity"))
				.withMessageStartingWith("--max-write-capacity: '" + bad + "' is not a write budget. Fix:");
		}
	}

	@Test
	void aPercentage_isOfTheProvisionedWriteCapacity() {
		assertThat(WriteBudgets.resolve(WriteBudget.parse("50%", "x"), provisioned(400), warnings::add)).isEqualTo(200);
		assertThat(WriteBudgets.resolve(WriteBudget.parse("1%", "x"), provisioned(10), warnings::add)).isEqualTo(1);
		assertThat(warnings).isEmpty();
	}

	@Test
	void withoutABudget_halfOfAProvisionedTable_and4000ForAnOnDemandTable() {
		assertThat(WriteBudgets.resolve(WriteBudgets.defaultFor(provisioned(400)), provisioned(400), warnings::add))
			.isEqualTo(200);
		assertThat(WriteBudgets.resolve(WriteBudgets.defaultFor(onDemand()), onDemand(), warnings::add))
			.isEqualTo(4000);
		assertThat(WriteBudgets.resolve(WriteBudget.parse("25%", "x"), onDemand(), warnings::add)).isEqualTo(1000);
		assertThat(warnings).isEmpty();
	}

	@Test
	void aBudgetAboveWhatTheTableOrAnIndexCanTake_isWarnedAbout() {
		WriteBudgets.resolve(WriteBudget.parse("500", "x"), provisioned(400), warnings::add);
		WriteBudgets.resolve(WriteBudget.parse("50000", "x"), onDemand(), warnings::add);
		WriteBudgets.resolve(WriteBudget.parse("300", "x"),
				provisioned(1000,
						GlobalSecondaryIndexDescription.builder()
							.indexName("gsi1")
							.provisionedThroughput((b) -> b.writeCapacityUnits(100L))
							.build()),
				warnings::add);
		assertThat(warnings).hasSize(3);
		assertThat(warnings.get(0)).contains("(500 WCU/s) is above its provisioned write capacity (400 WCU/s)");
		assertThat(warnings.get(1)).contains("(50000 WCU/s) is above its on-demand limit (40000 WCU/s)");
		assertThat(warnings.get(2)).contains("Index gsi1 of table music has 100 WCU/s, below the write budget (300");
	}

	@Test
	void unlimited_resolvesToNoLimit() {
		assertThat(WriteBudgets.resolve(WriteBudget.parse("unlimited", "x"), provisioned(400), warnings::add)).isZero();
	}

}
