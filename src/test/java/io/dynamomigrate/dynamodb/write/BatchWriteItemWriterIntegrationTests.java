package io.dynamomigrate.dynamodb.write;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.dynamomigrate.mapping.model.DuplicateKeyPolicy;
import io.dynamomigrate.records.RecordRejectedException;
import io.dynamomigrate.records.RejectReason;
import io.dynamomigrate.testing.CallStats;
import io.dynamomigrate.testing.FaultInjectingDynamoDbProxy;
import io.dynamomigrate.testing.FaultPlan;
import io.dynamomigrate.testing.Invariant;
import io.dynamomigrate.transform.ItemSizes;
import io.dynamomigrate.transform.MappedItem;
import io.dynamomigrate.dynamodb.client.SendPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import static io.dynamomigrate.dynamodb.write.WriterFixtures.canonicalKey;
import static io.dynamomigrate.dynamodb.write.WriterFixtures.item;
import static io.dynamomigrate.dynamodb.write.WriterFixtures.position;
import static io.dynamomigrate.dynamodb.write.WriterFixtures.scan;
import static io.dynamomigrate.dynamodb.write.WriterFixtures.scanKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link BatchWriteItemWriter} against dynalite through the fault-injecting proxy, which
 * measures every {@code BatchWriteItem} call.
 */
@ParameterizedClass
@EnumSource(SendPath.class)
class BatchWriteItemWriterIntegrationTests {

	/** Every test runs on both send paths. */
	@Parameter
	SendPath sendPath;

	private static final UnprocessedItemsBackoff RETRIES = new UnprocessedItemsBackoff(20, Duration.ofMillis(100),
			Duration.ofSeconds(1));

	private final WriterFixtures.RecordingSleeper sleeper = new WriterFixtures.RecordingSleeper();

	private final List<RecordRejectedException> rejects = new CopyOnWriteArrayList<>();

	private WriterFixtures.ProxiedTable target;

	private FaultInjectingDynamoDbProxy proxy;

	private DynamoDbClient client;

	private String table;

	@BeforeEach
	void start() {
		this.target = WriterFixtures.ProxiedTable.create("writer", 8, this.sendPath);
		this.proxy = this.target.proxy();
		this.client = this.target.client();
		this.table = this.target.table();
	}

	@AfterEach
	void stop() {
		this.target.close();
	}

	private BatchWriteItemWriter writer(DuplicateKeyPolicy policy, UnprocessedItemsBackoff retries) {
		return builder(policy, retries).build();
	}

	private BatchWriteItemWriter writer(DuplicateKeyPolicy policy, UnprocessedItemsBackoff retries,
			long maxBytesPerCall) {
		return builder(policy, retries).maxBytesPerCall(maxBytesPerCall).build();
	}

	private BatchWriteItemWriter.Builder builder(DuplicateKeyPolicy policy, UnprocessedItemsBackoff retries) {
		return this.target.writer()
			.duplicateKeyPolicy(policy)
			.retries(retries)
			.sleeper(this.sleeper)
			.rejects(this.rejects::add);
	}

	private List<MappedItem> items(int count) {
		return IntStream.range(0, count).mapToObj((i) -> item(this.table, i)).toList();
	}

	private Set<String> pks(List<MappedItem> items) {
		return items.stream().map((item) -> item.key().get("pk").s()).collect(Collectors.toSet());
	}

	@Test
	@Invariant(3)
	void chunkOf60_isWrittenInCallsOfAtMost25Requests() throws Exception {
		List<MappedItem> items = items(60);
		BatchWriteItemWriter writer = writer(DuplicateKeyPolicy.LAST_WINS, RETRIES);

		writer.write(new Chunk<>(items));

		assertThat(this.proxy.callStats()).extracting(CallStats::writeRequests).containsExactly(25, 25, 10);
		assertThat(this.proxy.callStats().stream().flatMap((call) -> call.keys().stream()).toList())
			.containsExactlyElementsOf(items.stream().map(WriterFixtures::canonicalKey).toList());
		Map<String, Map<String, AttributeValue>> stored = scan(this.client, this.table);
		assertThat(stored).hasSize(60).containsOnlyKeys(pks(items));
		assertThat(stored.get("TRACK#42")).containsEntry("title", AttributeValue.fromS("Track 42"));
		assertThat(writer.counters().calls()).isEqualTo(3);
		assertThat(writer.counters().unprocessedRetries()).isZero();
		assertThat(this.sleeper.delays()).isEmpty();
	}

	@Test
	@Invariant(3)
	void itemsNear400Kb_areAllWrittenInRequestsWithinTheApiLimits() throws Exception {
		List<MappedItem> items = bigItems(60);
		assertThat(items).allSatisfy((item) -> assertThat(ItemSizes.of(item.item())).isEqualTo(item.sizeBytes())
			.isGreaterThan(390 * 1024)
			.isLessThan(ItemSizes.MAX_ITEM_BYTES));

		writer(DuplicateKeyPolicy.LAST_WINS, RETRIES).write(new Chunk<>(items));

		List<CallStats> calls = this.proxy.callStats();
		assertThat(calls).extracting(CallStats::writeRequests).containsExactly(25, 25, 10);
		assertThat(this.proxy.maxItemsPerCall()).isLessThanOrEqualTo(25);
		assertThat(this.proxy.maxRequestBytes()).isGreaterThan(25L * 390 * 1024).isLessThan(16L * 1024 * 1024);
		assertThat(scanKeys(this.client, this.table)).isEqualTo(pks(items));
	}

	@Test
	@Invariant(3)
	void byteBudget_splitsBatchesSoNoCallExceedsIt() throws Exception {
		long budget = 1024 * 1024;
		List<MappedItem> items = bigItems(60);
		Map<String, Long> sizes = items.stream()
			.collect(Collectors.toMap(WriterFixtures::canonicalKey, MappedItem::sizeBytes));
		BatchWriteItemWriter writer = writer(DuplicateKeyPolicy.LAST_WINS, RETRIES, budget);

		writer.write(new Chunk<>(items));

		List<CallStats> calls = this.proxy.callStats();
		// two items of ~390 KB fit in 1 MB, a third does not
		assertThat(calls).hasSize(30).allSatisfy((call) -> {
			assertThat(call.writeRequests()).isEqualTo(2);
			assertThat(call.keys().stream().mapToLong(sizes::get).sum()).isLessThanOrEqualTo(budget);
		});
		assertThat(writer.counters().calls()).isEqualTo(30);
		assertThat(scanKeys(this.client, this.table)).isEqualTo(pks(items));
	}

	@Test
	@Invariant(3)
	void byteBudget_closesABatchOnlyWhenTheNextItemDoesNotFit() throws Exception {
		long budget = 1024 * 1024;
		int[] kilobytes = { 390, 100, 250, 390, 10, 10, 300, 200, 390, 390, 50, 5, 5, 5, 5, 5, 5, 300 };
		List<MappedItem> items = IntStream.range(0, kilobytes.length)
			.mapToObj((i) -> item(this.table, i, i,
					Map.of("payload", AttributeValue.fromS("x".repeat(kilobytes[i] * 1024)))))
			.toList();
		Map<String, Long> sizes = items.stream()
			.collect(Collectors.toMap(WriterFixtures::canonicalKey, MappedItem::sizeBytes));
		writer(DuplicateKeyPolicy.LAST_WINS, RETRIES, budget).write(new Chunk<>(items));

		List<CallStats> calls = this.proxy.callStats();
		assertThat(calls.stream().flatMap((call) -> call.keys().stream()).toList())
			.containsExactlyElementsOf(items.stream().map(WriterFixtures::canonicalKey).toList());
		for (int i = 0; i < calls.size(); i++) {
			long bytes = calls.get(i).keys().stream().mapToLong(sizes::get).sum();
			assertThat(bytes).as("call %d", i).isLessThanOrEqualTo(budget);
			if (i + 1 < calls.size()) {
				assertThat(bytes + sizes.get(calls.get(i + 1).keys().get(0))).as("call %d and the next item", i)
					.isGreaterThan(budget);
			}
		}
		assertThat(scanKeys(this.client, this.table)).isEqualTo(pks(items));
	}

	@Test
	@Invariant(3)
	void duplicateKeyUnderLastWins_writesTheLaterRecordOnce() throws Exception {
		BatchWriteItemWriter writer = writer(DuplicateKeyPolicy.LAST_WINS, RETRIES);

		writer.write(duplicateChunk());

		Map<String, Map<String, AttributeValue>> stored = scan(this.client, this.table);
		assertThat(stored).containsOnlyKeys("TRACK#1", "TRACK#2");
		assertThat(stored.get("TRACK#1")).containsEntry("title", AttributeValue.fromS("later"));
		assertThat(writer.counters().duplicatesDropped()).isEqualTo(1);
		assertThat(writer.counters().duplicatesRejected()).isZero();
		assertKeyNeverSentTwice();
		assertThat(this.rejects).isEmpty();
	}

	@Test
	@Invariant(3)
	void duplicateKeyUnderFirstWins_writesTheEarlierRecordOnce() throws Exception {
		BatchWriteItemWriter writer = writer(DuplicateKeyPolicy.FIRST_WINS, RETRIES);

		writer.write(duplicateChunk());

		Map<String, Map<String, AttributeValue>> stored = scan(this.client, this.table);
		assertThat(stored).containsOnlyKeys("TRACK#1", "TRACK#2");
		assertThat(stored.get("TRACK#1")).containsEntry("title", AttributeValue.fromS("earlier"));
		assertThat(writer.counters().duplicatesDropped()).isEqualTo(1);
		assertKeyNeverSentTwice();
		assertThat(this.rejects).isEmpty();
	}

	@Test
	@Invariant({ 1, 3 })
	void duplicateKeyUnderReject_writesNeitherAndRejectsBothWithTheirPositions() throws Exception {
		BatchWriteItemWriter writer = writer(DuplicateKeyPolicy.REJECT, RETRIES);

		writer.write(duplicateChunk());

		assertThat(scan(this.client, this.table)).containsOnlyKeys("TRACK#2");
		assertThat(this.rejects).hasSize(2).allSatisfy((reject) -> {
			assertThat(reject.getReason()).isEqualTo(RejectReason.DUPLICATE_KEY);
			assertThat(reject.getValue()).contains("TRACK#1");
		});
		assertThat(this.rejects).extracting(RecordRejectedException::getPosition)
			.containsExactly(position(10), position(12));
		assertThat(writer.counters().duplicatesRejected()).isEqualTo(2);
		assertThat(writer.counters().duplicatesDropped()).isZero();
		assertThat(this.proxy.writesPerKey(this.table)).containsOnlyKeys(canonicalKey(item(this.table, 2)));
	}

	@Test
	@Invariant(2)
	void unprocessedItems_areRetriedWithFullJitterBackoffUntilWritten() throws Exception {
		this.proxy.plan(FaultPlan.builder().unprocessedRate(0.5).seed(42).build());
		List<MappedItem> items = items(60);
		BatchWriteItemWriter writer = writer(DuplicateKeyPolicy.LAST_WINS, RETRIES);

		writer.write(new Chunk<>(items));

		assertThat(scanKeys(this.client, this.table)).isEqualTo(pks(items));
		assertThat(writer.counters().unprocessedRetries()).isPositive().isEqualTo(this.proxy.unprocessedReturned());
		assertThat(writer.counters().calls()).isEqualTo(this.proxy.batchWriteCalls());
		assertThat(this.proxy.keysWrittenMoreThanOnce(this.table)).isZero();
		assertThat(this.proxy.maxItemsPerCall()).isLessThanOrEqualTo(25);
		// each call that got items back was followed by one sleep; its retry number
		// restarts with each batch
		List<Integer> retryNumbers = new ArrayList<>();
		int retry = 0;
		for (CallStats call : this.proxy.callStats()) {
			if (call.unprocessedReturned() > 0) {
				retryNumbers.add(retry++);
			}
			else {
				retry = 0;
			}
		}
		List<Duration> delays = this.sleeper.delays();
		assertThat(delays).hasSameSizeAs(retryNumbers);
		assertThat(retryNumbers).contains(0, 1);
		List<Duration> firstRetryDelays = new ArrayList<>();
		for (int i = 0; i < delays.size(); i++) {
			long bound = Math.min(RETRIES.maxDelay().toMillis(), RETRIES.baseDelay().toMillis() << retryNumbers.get(i));
			assertThat(delays.get(i)).as("delay before retry %d", retryNumbers.get(i))
				.isBetween(Duration.ZERO, Duration.ofMillis(bound));
			if (retryNumbers.get(i) == 0) {
				firstRetryDelays.add(delays.get(i));
			}
		}
		// full jitter draws from [0, base) before the first retry too; it does not retry
		// at once every time
		assertThat(firstRetryDelays).hasSizeGreaterThanOrEqualTo(3)
			.anySatisfy((delay) -> assertThat(delay).isPositive());
	}

	@Test
	@Invariant(2)
	void deletions_areSentAsDeleteRequests_unprocessedOnesRetried_andCounted() throws Exception {
		List<MappedItem> items = items(60);
		BatchWriteItemWriter writer = writer(DuplicateKeyPolicy.LAST_WINS, RETRIES);
		writer.write(new Chunk<>(items));
		this.proxy.plan(FaultPlan.builder().unprocessedRate(0.5).seed(7).build());
		List<MappedItem> deletions = items.subList(0, 40)
			.stream()
			.map((item) -> MappedItem.deletion(this.table, item.key(), item.position()))
			.toList();

		writer.write(new Chunk<>(deletions));

		assertThat(scanKeys(this.client, this.table)).isEqualTo(pks(items.subList(40, 60)));
		assertThat(this.proxy.unprocessedReturned()).as("some deletes came back unprocessed").isPositive();
		assertThat(writer.counters().deletes()).isEqualTo(40);
		// every put and delete of these small items costs 1 WCU, and a retried one is
		// paid again
		assertThat(writer.counters().writeUnits()).isEqualTo(60 + 40 + writer.counters().unprocessedRetries());
	}

	@Test
	@Invariant(2)
	void unprocessedItemsUntilTheBound_failTheWriteAndWriteNothing() {
		this.proxy.plan(FaultPlan.builder().alwaysUnprocessed(true).build());
		UnprocessedItemsBackoff retries = new UnprocessedItemsBackoff(4, Duration.ofMillis(10), Duration.ofMillis(100));
		BatchWriteItemWriter writer = writer(DuplicateKeyPolicy.REJECT, retries);
		List<MappedItem> items = new ArrayList<>(items(30));
		items.add(item(this.table, 3, 99, Map.of()));

		assertThatExceptionOfType(UnprocessedItemsException.class).isThrownBy(() -> writer.write(new Chunk<>(items)))
			.withMessageContaining("[table=" + this.table + "]")
			.withMessageContaining("25 of 25 items")
			.withMessageContaining("after 4 retries");

		assertThat(this.proxy.batchWriteCalls()).isEqualTo(1 + 4);
		assertThat(this.sleeper.delays()).hasSize(4);
		assertThat(scanKeys(this.client, this.table)).isEmpty();
		assertThat(this.proxy.forwardedWrites()).isZero();
		// a failed chunk reports nothing: no rejects, no duplicates counted
		assertThat(this.rejects).isEmpty();
		assertThat(writer.counters().duplicatesRejected()).isZero();
	}

	@Test
	@Invariant(2)
	void zeroRetries_failAtTheFirstUnprocessedItem() {
		this.proxy.plan(FaultPlan.builder().alwaysUnprocessed(true).build());
		BatchWriteItemWriter writer = writer(DuplicateKeyPolicy.LAST_WINS,
				new UnprocessedItemsBackoff(0, Duration.ofMillis(10), Duration.ofMillis(10)));

		assertThatExceptionOfType(UnprocessedItemsException.class)
			.isThrownBy(() -> writer.write(new Chunk<>(items(5))));

		assertThat(this.proxy.batchWriteCalls()).isEqualTo(1);
		assertThat(this.sleeper.delays()).isEmpty();
	}

	@Test
	void counters_roundTripThroughTheExecutionContext() throws Exception {
		this.proxy.plan(FaultPlan.builder().unprocessedRate(0.3).seed(7).build());
		BatchWriteItemWriter writer = writer(DuplicateKeyPolicy.LAST_WINS, RETRIES);
		writer.open(new ExecutionContext());
		writer.write(duplicateChunk());
		writer.write(new Chunk<>(items(40)));
		ExecutionContext context = new ExecutionContext();

		writer.update(context);

		assertThat(context.getLong(WriteCounters.DUPLICATES_DROPPED)).isEqualTo(1);
		assertThat(context.getLong(WriteCounters.DUPLICATES_REJECTED)).isZero();
		assertThat(context.getLong(WriteCounters.UNPROCESSED_RETRIES)).isPositive()
			.isEqualTo(this.proxy.unprocessedReturned());
		assertThat(context.getLong(WriteCounters.CALLS)).isEqualTo(this.proxy.batchWriteCalls());
		BatchWriteItemWriter restarted = writer(DuplicateKeyPolicy.LAST_WINS, RETRIES);
		restarted.open(context);
		Function<BatchWriteItemWriter, List<Long>> counters = (w) -> List.of(w.counters().duplicatesDropped(),
				w.counters().duplicatesRejected(), w.counters().unprocessedRetries(), w.counters().calls());
		assertThat(counters.apply(restarted)).isEqualTo(counters.apply(writer));

		restarted.open(new ExecutionContext());
		assertThat(counters.apply(restarted)).containsOnly(0L);
	}

	/** Rows 10 and 12 share the key TRACK#1; row 11 has TRACK#2. */
	@Test
	void everyAttributeType_isWrittenExactly_andDeletionsRemoveItems() throws Exception {
		Map<String, AttributeValue> attributes = Map.of("s", AttributeValue.fromS("ünïcode \"quoted\" \\ \n\u0001 😀"),
				"n", AttributeValue.fromN("-12345678901234567890.123456789"), "b",
				AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] { 0, 1, -2, 127 })), "ss",
				AttributeValue.fromSs(List.of("a", "b")), "ns", AttributeValue.fromNs(List.of("1", "2.5")), "bs",
				AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x"), SdkBytes.fromUtf8String("y"))), "bool",
				AttributeValue.fromBool(false), "nul", AttributeValue.fromNul(true), "m",
				AttributeValue.fromM(Map.of("inner",
						AttributeValue.fromL(List.of(AttributeValue.fromN("1"),
								AttributeValue.fromM(Map.of("deep", AttributeValue.fromS("x"))))))),
				"l", AttributeValue.fromL(List.of()));
		MappedItem kept = item(this.table, 1, 1, attributes);
		MappedItem deleted = item(this.table, 2);
		BatchWriteItemWriter writer = writer(DuplicateKeyPolicy.LAST_WINS, RETRIES);
		writer.write(new Chunk<>(List.of(kept, deleted)));

		writer.write(new Chunk<>(List.of(MappedItem.deletion(this.table, deleted.key(), position(3)))));

		Map<String, Map<String, AttributeValue>> stored = scan(this.client, this.table);
		assertThat(stored).containsOnlyKeys("TRACK#1");
		assertThat(stored.get("TRACK#1")).isEqualTo(kept.item());
		assertThat(writer.counters().deletes()).isEqualTo(1);
	}

	@Test
	void aMissingTable_failsWithTheSdksResourceNotFoundException() {
		BatchWriteItemWriter writer = this.target.writer()
			.table(this.table + "-missing")
			.duplicateKeyPolicy(DuplicateKeyPolicy.LAST_WINS)
			.retries(RETRIES)
			.sleeper(this.sleeper)
			.rejects(this.rejects::add)
			.build();

		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> writer.write(new Chunk<>(List.of(item(this.table + "-missing", 1)))))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(400))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException"));
		assertThat(this.rejects).isEmpty();
	}

	private Chunk<MappedItem> duplicateChunk() {
		return new Chunk<>(List.of(item(this.table, 1, 10, Map.of("title", AttributeValue.fromS("earlier"))),
				item(this.table, 2, 11, Map.of("title", AttributeValue.fromS("other"))),
				item(this.table, 1, 12, Map.of("title", AttributeValue.fromS("later")))));
	}

	private void assertKeyNeverSentTwice() {
		assertThat(this.proxy.writesPerKey(this.table))
			.containsOnlyKeys(canonicalKey(item(this.table, 1)), canonicalKey(item(this.table, 2)))
			.allSatisfy((key, count) -> assertThat(count).isEqualTo(1L));
		assertThat(this.proxy.callStats()).allSatisfy((call) -> assertThat(call.keys()).doesNotHaveDuplicates());
	}

	private List<MappedItem> bigItems(int count) {
		String payload = "x".repeat(390 * 1024);
		return IntStream.range(0, count)
			.mapToObj((i) -> item(this.table, i, i, Map.of("payload", AttributeValue.fromS(payload))))
			.toList();
	}

}
