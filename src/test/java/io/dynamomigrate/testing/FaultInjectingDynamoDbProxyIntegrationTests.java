package io.dynamomigrate.testing;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class FaultInjectingDynamoDbProxyIntegrationTests {

	private static URI dynaliteEndpoint;

	private FaultInjectingDynamoDbProxy proxy;

	private DynamoDbClient client;

	@BeforeAll
	static void useSharedDynalite() {
		// a missing local endpoint fails here (LocalEndpointUnavailableException); it is
		// never skipped
		dynaliteEndpoint = SharedDynalite.endpoint();
	}

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.close();
		}
		if (this.proxy != null) {
			this.proxy.close();
		}
	}

	@Test
	void passThrough_forwardsCreateTablePutAndGetUntouched() {
		start(FaultPlan.builder().throttleRate(1.0).build());
		String table = createTable();
		Map<String, AttributeValue> item = item(1);
		item.put("title", AttributeValue.fromS("Blue Train"));
		this.client.putItem((put) -> put.tableName(table).item(item));
		assertThat(this.client.getItem((get) -> get.tableName(table).key(item(1))).item()).isEqualTo(item);
		assertThat(this.proxy.faultsInjected()).isZero();
	}

	@Test
	void unprocessedRate_returnsExactlyTheWritesThatWereNotForwarded() {
		FaultPlan plan = FaultPlan.builder().unprocessedRate(0.5).seed(42).build();
		start(plan);
		String table = createTable();
		BatchWriteItemResponse response = this.client.batchWriteItem(
				(batch) -> batch.requestItems(Map.of(table, IntStream.range(0, 25).mapToObj(this::put).toList())));

		List<WriteRequest> unprocessed = response.unprocessedItems().getOrDefault(table, List.of());
		Set<String> unprocessedPks = unprocessed.stream()
			.map((request) -> request.putRequest().item().get("pk").s())
			.collect(Collectors.toSet());
		Set<String> stored = scanPks(table);
		assertThat(unprocessed).isNotEmpty().hasSizeLessThan(25);
		assertThat(unprocessed).allSatisfy((request) -> assertThat(request.putRequest().item()).containsKey("title"));
		assertThat(stored).doesNotContainAnyElementsOf(unprocessedPks);
		assertThat(union(stored, unprocessedPks)).hasSize(25);
		assertThat(this.proxy.forwardedWrites()).isEqualTo(stored.size());
		assertThat(this.proxy.writesPerKey(table)).hasSize(stored.size()).allSatisfy((key, count) -> {
			assertThat(count).isEqualTo(1L);
		});
		assertThat(this.proxy.unprocessedReturned()).isEqualTo(unprocessed.size());
		assertThat(this.proxy.batchWriteCalls()).isEqualTo(1);
		assertThat(this.proxy.faultsInjected()).isEqualTo(1);

		this.proxy.plan(plan);
		String again = createTable();
		BatchWriteItemResponse repeated = this.client.batchWriteItem(
				(batch) -> batch.requestItems(Map.of(again, IntStream.range(0, 25).mapToObj(this::put).toList())));
		assertThat(repeated.unprocessedItems().get(again)).hasSameSizeAs(unprocessed);
		assertThat(scanPks(again)).isEqualTo(stored);
	}

	@Test
	void unprocessedRate_returnsDeletesInTheirOwnShape() {
		start(FaultPlan.none());
		String table = createTable();
		this.client.batchWriteItem(
				(batch) -> batch.requestItems(Map.of(table, IntStream.range(0, 25).mapToObj(this::put).toList())));
		this.proxy.plan(FaultPlan.builder().unprocessedRate(0.5).seed(7).build());

		BatchWriteItemResponse response = this.client.batchWriteItem((batch) -> batch.requestItems(Map.of(table,
				IntStream.range(0, 25)
					.mapToObj((i) -> WriteRequest.builder()
						.deleteRequest(DeleteRequest.builder().key(item(i)).build())
						.build())
					.toList())));

		List<WriteRequest> unprocessed = response.unprocessedItems().get(table);
		assertThat(unprocessed).isNotEmpty().allSatisfy((request) -> {
			assertThat(request.putRequest()).isNull();
			assertThat(request.deleteRequest().key()).containsOnlyKeys("pk", "sk");
		});
		assertThat(scanPks(table)).isEqualTo(unprocessed.stream()
			.map((request) -> request.deleteRequest().key().get("pk").s())
			.collect(Collectors.toSet()));
		assertThat(this.proxy.forwardedWrites()).isEqualTo(25 + 25 - unprocessed.size());
	}

	@Test
	void alwaysUnprocessed_writesNothing() {
		start(FaultPlan.builder().alwaysUnprocessed(true).build());
		String table = createTable();
		BatchWriteItemResponse response = this.client.batchWriteItem(
				(batch) -> batch.requestItems(Map.of(table, IntStream.range(0, 25).mapToObj(this::put).toList())));
		assertThat(response.unprocessedItems().get(table)).hasSize(25);
		assertThat(scanPks(table)).isEmpty();
		assertThat(this.proxy.forwardedWrites()).isZero();
		assertThat(this.proxy.unprocessedReturned()).isEqualTo(25);
	}

	@Test
	void throttle_surfacesAsProvisionedThroughputExceededException() {
		start(FaultPlan.builder().throttleRate(1.0).build());
		String table = createTable();
		assertThatExceptionOfType(ProvisionedThroughputExceededException.class)
			.isThrownBy(() -> this.client.batchWriteItem((batch) -> batch.requestItems(Map.of(table, List.of(put(1))))))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(400));
		assertThat(scanPks(table)).isEmpty();

		this.proxy.plan(FaultPlan.builder().throttleRate(1.0).operations("PutItem").build());
		assertThatExceptionOfType(ProvisionedThroughputExceededException.class)
			.isThrownBy(() -> this.client.putItem((put) -> put.tableName(table).item(item(1))));
		assertThat(this.proxy.faultsInjected()).isEqualTo(2);
	}

	@Test
	void serverError_surfacesAsServiceExceptionWithItsStatus() {
		start(FaultPlan.builder().serverErrorRate(1.0).build());
		String table = createTable();
		assertThatExceptionOfType(SdkServiceException.class)
			.isThrownBy(() -> this.client.batchWriteItem((batch) -> batch.requestItems(Map.of(table, List.of(put(1))))))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(500));

		this.proxy.plan(FaultPlan.builder().serverErrorRate(1.0).serverErrorStatus(503).build());
		assertThatExceptionOfType(SdkServiceException.class)
			.isThrownBy(() -> this.client.batchWriteItem((batch) -> batch.requestItems(Map.of(table, List.of(put(1))))))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(503));
		assertThat(scanPks(table)).isEmpty();
	}

	@Test
	void connectionReset_surfacesAsClientException() {
		start(FaultPlan.builder().connectionResetRate(1.0).build());
		String table = createTable();
		assertThatExceptionOfType(SdkClientException.class)
			.isThrownBy(() -> this.client.batchWriteItem((batch) -> batch.requestItems(Map.of(table, List.of(put(1))))))
			.withMessageContaining("The target server failed to respond")
			.withCauseInstanceOf(IOException.class);
		assertThat(scanPks(table)).isEmpty();
	}

	@Test
	void retryingClient_getsThroughResetsThrottlesAndServerErrors() {
		start(FaultPlan.builder().connectionResetRate(0.2).throttleRate(0.2).serverErrorRate(0.2).seed(3).build());
		RetryStrategy retries = AwsRetryStrategy.standardRetryStrategy()
			.toBuilder()
			.maxAttempts(20)
			.backoffStrategy(BackoffStrategy.retryImmediately())
			.throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
			.build();
		try (DynamoDbClient retrying = client(retries)) {
			String table = createTable();
			for (int i = 0; i < 10; i++) {
				int n = i;
				retrying.batchWriteItem((batch) -> batch.requestItems(Map.of(table, List.of(put(n)))));
			}
			assertThat(scanPks(table)).hasSize(10);
			assertThat(this.proxy.faultsInjected()).isPositive();
			assertThat(this.proxy.batchWriteCalls()).isEqualTo(10 + this.proxy.faultsInjected());
		}
	}

	@Test
	void writesPerKey_countsAKeyWrittenTwiceAsTwo() {
		start(FaultPlan.none());
		String table = createTable();
		this.client.batchWriteItem((batch) -> batch.requestItems(Map.of(table, List.of(put(1), put(2)))));
		Map<String, AttributeValue> sameKey = item(1);
		sameKey.put("sk", AttributeValue.fromN("1.0"));
		this.client.batchWriteItem((batch) -> batch.requestItems(
				Map.of(table, List.of(WriteRequest.builder().putRequest((put) -> put.item(sameKey)).build()))));

		assertThat(this.proxy.writesPerKey(table))
			.containsExactlyInAnyOrderEntriesOf(Map.of("{\"pk\":{\"S\":\"ARTIST#1\"},\"sk\":{\"N\":\"1\"}}", 2L,
					"{\"pk\":{\"S\":\"ARTIST#2\"},\"sk\":{\"N\":\"2\"}}", 1L));
		assertThat(this.proxy.keysWrittenMoreThanOnce(table)).isEqualTo(1);
		assertThat(this.proxy.forwardedWrites()).isEqualTo(3);
		this.proxy.resetCounters();
		assertThat(this.proxy.writesPerKey(table)).isEmpty();
		assertThat(this.proxy.batchWriteCalls()).isZero();
	}

	@Test
	void callStats_recordEveryBatchWriteWithItsSizeKeysAndOutcome() {
		start(FaultPlan.builder().alwaysUnprocessed(true).build());
		String table = createTable();
		this.client.batchWriteItem((batch) -> batch.requestItems(Map.of(table, List.of(put(1), put(2)))));
		this.proxy.plan(FaultPlan.builder().throttleRate(1.0).build());
		assertThatExceptionOfType(ProvisionedThroughputExceededException.class).isThrownBy(
				() -> this.client.batchWriteItem((batch) -> batch.requestItems(Map.of(table, List.of(put(3))))));
		this.proxy.plan(FaultPlan.none());
		this.client.batchWriteItem(
				(batch) -> batch.requestItems(Map.of(table, IntStream.range(0, 25).mapToObj(this::put).toList())));

		List<CallStats> calls = this.proxy.callStats();
		assertThat(calls).extracting(CallStats::writeRequests).containsExactly(2, 1, 25);
		assertThat(calls).extracting(CallStats::unprocessedReturned).containsExactly(2, 0, 0);
		assertThat(calls).extracting(CallStats::faultInjected).containsExactly(false, true, false);
		assertThat(calls.get(0).keys()).containsExactly("{\"pk\":{\"S\":\"ARTIST#1\"},\"sk\":{\"N\":\"1\"}}",
				"{\"pk\":{\"S\":\"ARTIST#2\"},\"sk\":{\"N\":\"2\"}}");
		assertThat(calls.get(2).keys()).hasSize(25).doesNotHaveDuplicates();
		assertThat(calls).allSatisfy((call) -> assertThat(call.requestBytes()).isPositive());
		assertThat(this.proxy.maxItemsPerCall()).isEqualTo(25);
		assertThat(this.proxy.maxRequestBytes()).isEqualTo(calls.get(2).requestBytes());
		this.proxy.resetCounters();
		assertThat(this.proxy.callStats()).isEmpty();
		assertThat(this.proxy.maxItemsPerCall()).isZero();
	}

	@Test
	void delay_isAddedBeforeTheReply() {
		start(FaultPlan.builder().delay(Duration.ofMillis(300)).build());
		String table = createTable();
		long started = System.nanoTime();
		this.client.batchWriteItem((batch) -> batch.requestItems(Map.of(table, List.of(put(1)))));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(scanPks(table)).containsExactly("ARTIST#1");
	}

	private void start(FaultPlan plan) {
		this.proxy = FaultInjectingDynamoDbProxy.start(dynaliteEndpoint, plan);
		this.client = client(AwsRetryStrategy.doNotRetry());
	}

	private DynamoDbClient client(RetryStrategy retryStrategy) {
		return DynamoDbClient.builder()
			.endpointOverride(this.proxy.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.overrideConfiguration(
					(config) -> config.retryStrategy(retryStrategy).apiCallAttemptTimeout(Duration.ofSeconds(10)))
			.build();
	}

	private String createTable() {
		String table = "proxy-test-" + UUID.randomUUID();
		this.client.createTable((create) -> create.tableName(table)
			.billingMode(BillingMode.PAY_PER_REQUEST)
			.attributeDefinitions(
					AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
					AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build())
			.keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
					KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
		awaitActive(table);
		return table;
	}

	private void awaitActive(String table) {
		await().alias("table " + table + " active within 10 s")
			.atMost(Duration.ofSeconds(10))
			.pollInSameThread()
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> this.client.describeTable((describe) -> describe.tableName(table))
				.table()
				.tableStatus() == TableStatus.ACTIVE);
	}

	private Set<String> scanPks(String table) {
		return this.client.scanPaginator((scan) -> scan.tableName(table).consistentRead(true))
			.items()
			.stream()
			.map((item) -> item.get("pk").s())
			.collect(Collectors.toSet());
	}

	private WriteRequest put(int i) {
		Map<String, AttributeValue> item = item(i);
		item.put("title", AttributeValue.fromS("Track " + i));
		return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
	}

	private static Map<String, AttributeValue> item(int i) {
		return new java.util.HashMap<>(
				Map.of("pk", AttributeValue.fromS("ARTIST#" + i), "sk", AttributeValue.fromN(Integer.toString(i))));
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> union = new HashSet<>(a);
		union.addAll(b);
		return union;
	}

}
