package io.dynamomigrate.transform;

import java.math.BigDecimal;
import java.util.Map;

import io.dynamomigrate.testing.Invariant;
import io.dynamomigrate.testing.SharedDynalite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The number text {@link DynamoNumbers#normalise} produces is what DynamoDB (dynalite
 * over HTTP) gives back after a put and a get, so items written by the tool compare equal
 * to items read back.
 */
@Invariant(6)
class DynamoNumbersIntegrationTests {

	private static final String TABLE = "numbers_normalised";

	private static DynamoDbClient client;

	@BeforeAll
	static void createTable() {
		client = SharedDynalite.client();
		if (!client.listTables().tableNames().contains(TABLE)) {
			client.createTable((b) -> b.tableName(TABLE)
				.keySchema((k) -> k.attributeName("id").keyType(KeyType.HASH))
				.attributeDefinitions((a) -> a.attributeName("id").attributeType(ScalarAttributeType.S))
				.billingMode(BillingMode.PAY_PER_REQUEST));
			SharedDynalite.awaitActive(client, TABLE);
		}
	}

	@AfterAll
	static void close() {
		client.deleteTable((b) -> b.tableName(TABLE));
		client.close();
	}

	@ParameterizedTest(name = "{0} is stored as {1}")
	@CsvSource({ "1E+2, 100", "1.50, 1.5", "-0, 0", "0.000, 0", "0.1, 0.1", "-12.340, -12.34", "7, 7",
			"12345678901234567890123456789012345678, 12345678901234567890123456789012345678",
			"1.2345678901234567890123456789012345678E+20, 123456789012345678901.23456789012345678" })
	void normalisedNumber_isWhatDynamoDbReturns(String written, String expected) {
		String normalised = DynamoNumbers.normalise(new BigDecimal(written));

		assertThat(normalised).isEqualTo(expected);
		assertThat(roundTrip(written)).isEqualTo(normalised);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "1E-130", "9.9999999999999999999999999999999999999E+125", "-1E-130" })
	void extremeMagnitudes_roundTripToTheSameValue(String written) {
		String normalised = DynamoNumbers.normalise(new BigDecimal(written));

		assertThat(new BigDecimal(normalised)).isEqualByComparingTo(new BigDecimal(written));
		assertThat(roundTrip(written)).isEqualTo(normalised);
	}

	private static String roundTrip(String number) {
		client.putItem((b) -> b.tableName(TABLE)
			.item(Map.of("id", AttributeValue.fromS(number), "n", AttributeValue.fromN(number))));
		return client.getItem((b) -> b.tableName(TABLE).key(Map.of("id", AttributeValue.fromS(number))))
			.item()
			.get("n")
			.n();
	}

}
