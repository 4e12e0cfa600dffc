package io.dynamomigrate.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.dynamomigrate.dynamodb.client.DynamoDbClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.ImportTableDescription;
import software.amazon.awssdk.services.dynamodb.model.ImportTableRequest;
import software.amazon.awssdk.services.dynamodb.model.InputFormat;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The double behaves as DynamoDB documents Import from S3, through the AWS SDK: a bad
 * line drops the rest of its object (the other objects load), a client token used again
 * returns the same import, another request with it is refused, and a second import into
 * an existing table is refused.
 */
class ImportTableDoubleIntegrationTests {

	private S3Server s3;

	private ImportTableDouble dynamodb;

	@BeforeEach
	void setUp() throws Exception {
		SharedDynalite.deleteAllTables();
		s3 = S3Server.start();
		dynamodb = ImportTableDouble.start(SharedDynalite.endpoint(), s3.endpoint());
	}

	@AfterEach
	void tearDown() throws Exception {
		dynamodb.close();
		s3.close();
	}

	@Test
	void aBadLineDropsTheRestOfItsObject_aClientTokenReturnsTheSameImport() {
		s3.put("double-in", "in/a.json",
				lines("{\"Item\":{\"id\":{\"S\":\"a1\"}}}", "{\"Item\":{\"id\":{\"S\":\"a2\"}}}",
						"{\"Item\":{\"id\":{\"N\":\"3\"}}}", "{\"Item\":{\"id\":{\"S\":\"a4\"}}}"));
		s3.put("double-in", "in/b.json",
				lines("{\"Item\":{\"id\":{\"S\":\"b1\"}}}", "not json", "{\"Item\":{\"id\":{\"S\":\"b3\"}}}"));
		s3.put("double-in", "in/c.json", lines("{\"Item\":{\"id\":{\"S\":\"c1\"}}}"));
		try (DynamoDbClient client = DynamoDbClients.create(dynamodb.endpoint(), "us-east-1", true, 4)) {
			ImportTableRequest request = request("tok-1", "double_t");
			String arn = client.importTable(request).importTableDescription().importArn();
			ImportTableDescription ended = await().atMost(Duration.ofSeconds(30))
				.until(() -> client.describeImport((r) -> r.importArn(arn)).importTableDescription(),
						(d) -> !d.importStatusAsString().equals("IN_PROGRESS"));

			assertThat(ended.importStatusAsString()).as(ended.failureMessage()).isEqualTo("COMPLETED");
			assertThat(ended.errorCount()).isEqualTo(2);
			assertThat(ended.importedItemCount()).isEqualTo(4);
			assertThat(ended.processedItemCount()).isEqualTo(6);
			List<String> ids = client.scan((b) -> b.tableName("double_t"))
				.items()
				.stream()
				.map((i) -> i.get("id").s())
				.sorted()
				.toList();
			assertThat(ids).as("a4 and b3 come after a bad line of their object")
				.containsExactly("a1", "a2", "b1", "c1");

			assertThat(client.importTable(request).importTableDescription().importArn()).isEqualTo(arn);
			assertThatThrownBy(() -> client.importTable(request("tok-1", "other_t")))
				.isInstanceOf(IdempotentParameterMismatchException.class);
			assertThatThrownBy(() -> client.importTable(request("tok-2", "double_t")))
				.isInstanceOf(ResourceInUseException.class);
			assertThat(dynamodb.imports()).hasSize(1);
		}
	}

	private static ImportTableRequest request(String token, String table) {
		return ImportTableRequest.builder()
			.clientToken(token)
			.s3BucketSource((s) -> s.s3Bucket("double-in").s3KeyPrefix("in/"))
			.inputFormat(InputFormat.DYNAMODB_JSON)
			.tableCreationParameters((t) -> t.tableName(table)
				.keySchema((k) -> k.attributeName("id").keyType("HASH"))
				.attributeDefinitions((d) -> d.attributeName("id").attributeType("S"))
				.billingMode("PAY_PER_REQUEST"))
			.build();
	}

	private static byte[] lines(String... lines) {
		return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
	}

}
