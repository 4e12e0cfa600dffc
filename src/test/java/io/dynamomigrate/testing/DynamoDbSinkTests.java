package io.dynamomigrate.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.dynamodb.client.DynamoDbClients;
import io.dynamomigrate.dynamodb.table.TableProvisioner;
import io.dynamomigrate.mapping.model.AttributeType;
import io.dynamomigrate.mapping.model.BillingMode;
import io.dynamomigrate.mapping.model.IndexSpec;
import io.dynamomigrate.mapping.model.KeySpec;
import io.dynamomigrate.mapping.model.TableSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The sink through the AWS SDK: tables are created and described like DynamoDB's, valid
 * requests are counted and discarded, invalid ones refused, and per-partition throttling
 * returns what is over capacity.
 */
class DynamoDbSinkTests {

	private DynamoDbSink sink;

	private DynamoDbClient client;

	private void start(PartitionThrottle throttle) {
		this.sink = DynamoDbSink.start(0, 4, throttle, true);
		this.client = DynamoDbClients.create(this.sink.endpoint(), "us-east-1", true, 4);
		new TableProvisioner(this.client)
			.ensure(new TableSpec("music", new KeySpec("pk", AttributeType.S), new KeySpec("sk", AttributeType.S),
					List.of(new IndexSpec("gsi1", new KeySpec("g", AttributeType.S), null, "ALL")),
					BillingMode.PAY_PER_REQUEST, 0, 0));
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.sink.close();
	}

	private static WriteRequest put(String pk, String sk, Map<String, AttributeValue> more) {
		Map<String, AttributeValue> item = new java.util.HashMap<>(more);
		item.put("pk", AttributeValue.fromS(pk));
		item.put("sk", AttributeValue.fromS(sk));
		return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
	}

	private BatchWriteItemResponse write(List<WriteRequest> requests) {
		return this.client.batchWriteItem((b) -> b.requestItems(Map.of("music", requests)));
	}

	@Test
	void validRequests_areCountedWithTheirWriteUnits_includingIndexes_andDiscarded() {
		start(PartitionThrottle.none());
		List<WriteRequest> requests = new ArrayList<>();
		requests.add(put("A", "1", Map.of()));
		requests.add(put("A", "2", Map.of("g", AttributeValue.fromS("x"))));
		requests.add(put("A", "3", Map.of("blob", AttributeValue.fromS("x".repeat(1500)))));

		BatchWriteItemResponse response = write(requests);

		assertThat(response.unprocessedItems()).isEmpty();
		SinkStats stats = this.sink.stats();
		assertThat(stats.items()).isEqualTo(3);
		// 1 + (1 table + 1 index) + 2 (1.5 KB)
		assertThat(stats.writeUnits()).isEqualTo(5);
		assertThat(stats.violations()).isZero();
		assertThat(this.sink.keys()).containsExactlyInAnyOrder("music:{\"pk\":{\"S\":\"A\"},\"sk\":{\"S\":\"1\"}}",
				"music:{\"pk\":{\"S\":\"A\"},\"sk\":{\"S\":\"2\"}}",
				"music:{\"pk\":{\"S\":\"A\"},\"sk\":{\"S\":\"3\"}}");
		assertThat(this.client.describeTable((b) -> b.tableName("music")).table().globalSecondaryIndexes()).hasSize(1);
	}

	@Test
	void requestsBreakingTheApiRules_areRefused_andCounted() {
		start(PartitionThrottle.none());
		List<WriteRequest> tooMany = new ArrayList<>();
		for (int i = 0; i < 26; i++) {
			tooMany.add(put("A", Integer.toString(i), Map.of()));
		}
		assertThatExceptionOfType(DynamoDbException.class).isThrownBy(() -> write(tooMany))
			.withMessageContaining("Too many items");
		assertThatExceptionOfType(DynamoDbException.class)
			.isThrownBy(() -> write(List.of(put("A", "1", Map.of()), put("A", "1", Map.of()))))
			.withMessageContaining("duplicates");
		assertThatExceptionOfType(DynamoDbException.class)
			.isThrownBy(() -> write(List.of(put("A", "1", Map.of("big", AttributeValue.fromS("x".repeat(410_000)))))))
			.withMessageContaining("maximum allowed size");
		assertThat(this.sink.stats().violations()).isEqualTo(3);
		assertThat(this.sink.stats().items()).isZero();
	}

	@Test
	void aPartitionOverItsCapacity_getsItsItemsBackUnprocessed_whileOtherPartitionsAreServed() {
		PartitionThrottle throttle = PartitionThrottle.perPartition(64, 10);
		start(throttle);
		String hot = "HOT";
		String other = "OTHER";
		assertThat(throttle.partition("{\"S\":\"HOT\"}")).isNotEqualTo(throttle.partition("{\"S\":\"OTHER\"}"));
		List<WriteRequest> requests = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			requests.add(put(hot, Integer.toString(i), Map.of()));
		}
		for (int i = 0; i < 10; i++) {
			requests.add(put(other, Integer.toString(i), Map.of()));
		}

		BatchWriteItemResponse response = write(requests);

		assertThat(response.unprocessedItems().get("music")).hasSize(2)
			.allSatisfy((w) -> assertThat(w.putRequest().item().get("pk").s()).isEqualTo(hot));
		assertThat(this.sink.stats().items()).isEqualTo(20);
		assertThat(this.sink.stats().partialCalls()).isEqualTo(1);
	}

}
