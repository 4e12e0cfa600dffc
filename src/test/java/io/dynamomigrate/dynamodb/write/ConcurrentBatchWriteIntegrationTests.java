package io.dynamomigrate.dynamodb.write;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.dynamomigrate.dynamodb.capacity.WriteCapacityLimiter;
import io.dynamomigrate.dynamodb.capacity.WriteThroughput;
import io.dynamomigrate.mapping.model.DuplicateKeyPolicy;
import io.dynamomigrate.records.RecordRejectedException;
import io.dynamomigrate.testing.CallStats;
import io.dynamomigrate.testing.FaultInjectingDynamoDbProxy;
import io.dynamomigrate.testing.FaultPlan;
import io.dynamomigrate.testing.Invariant;
import io.dynamomigrate.transform.MappedItem;
import io.dynamomigrate.transform.RejectSink;
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

import static io.dynamomigrate.dynamodb.write.WriterFixtures.item;
import static io.dynamomigrate.dynamodb.write.WriterFixtures.scanKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The writer with a limiter and a pool: the batches of a chunk in flight at once, against
 * dynalite through the fault proxy.
 */
@ParameterizedClass
@EnumSource(SendPath.class)
class ConcurrentBatchWriteIntegrationTests {

	/** Every test runs on both send paths. */
	@Parameter
	SendPath sendPath;

	private static final UnprocessedItemsBackoff RETRIES = new UnprocessedItemsBackoff(20, Duration.ofMillis(1),
			Duration.ofMillis(5));

	private final WriterFixtures.RecordingSleeper sleeper = new WriterFixtures.RecordingSleeper();

	private WriterFixtures.ProxiedTable target;

	private FaultInjectingDynamoDbProxy proxy;

	private DynamoDbClient client;

	private String table;

	private ExecutorService pool;

	@BeforeEach
	void start() {
		this.target = WriterFixtures.ProxiedTable.create("concurrent", 16, this.sendPath);
		this.proxy = this.target.proxy();
		this.client = this.target.client();
		this.table = this.target.table();
		this.pool = WriteThroughput.pool(4);
	}

	@AfterEach
	void stop() {
		this.pool.shutdownNow();
		this.target.close();
	}

	private BatchWriteItemWriter writer(WriteCapacityLimiter limiter, List<RecordRejectedException> rejects) {
		return writer(RETRIES, rejects::add, new WriteThroughput(limiter, (item) -> 2, this.pool));
	}

	private BatchWriteItemWriter writer(UnprocessedItemsBackoff retries, RejectSink rejects,
			WriteThroughput throughput) {
		return this.target.writer()
			.duplicateKeyPolicy(DuplicateKeyPolicy.LAST_WINS)
			.retries(retries)
			.sleeper(this.sleeper)
			.rejects(rejects)
			.throughput(throughput)
			.build();
	}

	private WriteCapacityLimiter limiter() {
		return new WriteCapacityLimiter(this.table, 1_000_000, System::nanoTime, this.sleeper);
	}

	private List<MappedItem> items(int count) {
		return IntStream.range(0, count).mapToObj((i) -> item(this.table, i)).toList();
	}

	private static Set<String> pks(List<MappedItem> items) {
		return items.stream().map((item) -> item.key().get("pk").s()).collect(Collectors.toSet());
	}

	@Test
	void batchesOfAChunkAreInFlightTogether_andTheChunkReturnsWhenAllAreWritten() throws Exception {
		this.proxy.plan(FaultPlan.builder().delay(Duration.ofMillis(200)).build());
		List<MappedItem> items = items(200);
		WriteCapacityLimiter limiter = limiter();
		BatchWriteItemWriter writer = writer(limiter, new java.util.ArrayList<>());

		long started = System.nanoTime();
		writer.write(new Chunk<>(items));
		long millis = (System.nanoTime() - started) / 1_000_000;

		// 8 calls of 200 ms each: one after another they take 1.6 s, four at a time about
		// 0.4 s
		assertThat(millis).isLessThan(1000);
		assertThat(this.proxy.callStats()).hasSize(8)
			.allSatisfy((call) -> assertThat(call.writeRequests()).isEqualTo(25));
		assertThat(scanKeys(this.client, this.table)).isEqualTo(pks(items));
		assertThat(this.proxy.keysWrittenMoreThanOnce(this.table)).isZero();
		assertThat(writer.counters().calls()).isEqualTo(8);
		assertThat(writer.counters().writeUnits()).isEqualTo(400);
		assertThat(limiter.granted()).isEqualTo(400);
	}

	@Test
	@Invariant(2)
	void unprocessedItemsUnderConcurrency_areAllWritten_andCountAsThrottles_butLeaveTheTablesRate() throws Exception {
		this.proxy.plan(FaultPlan.builder().unprocessedRate(0.3).seed(3).build());
		List<MappedItem> items = items(500);
		WriteCapacityLimiter limiter = limiter();
		BatchWriteItemWriter writer = writer(limiter, new java.util.ArrayList<>());

		writer.write(new Chunk<>(items));

		assertThat(scanKeys(this.client, this.table)).isEqualTo(pks(items));
		long returned = this.proxy.unprocessedReturned();
		assertThat(returned).isPositive();
		assertThat(writer.counters().unprocessedRetries()).isEqualTo(returned);
		long partialCalls = this.proxy.callStats().stream().filter((call) -> call.unprocessedReturned() > 0).count();
		assertThat(writer.counters().throttles()).isEqualTo(partialCalls).isEqualTo(limiter.throttles());
		// they lower the writer's own rate (its lane), not the table's
		assertThat(limiter.effectiveRate()).isEqualTo(1_000_000);
		// retried items are paid for again
		assertThat(writer.counters().writeUnits()).isEqualTo(2 * (500 + returned)).isEqualTo(limiter.granted());
		assertThat(this.proxy.callStats()).extracting(CallStats::writeRequests).allMatch((n) -> n <= 25);
	}

	@Test
	@Invariant(11)
	void throttlingErrorsThatTheSdkRetries_areSeenByTheLimiter_andEverythingIsWritten() throws Exception {
		this.proxy.plan(FaultPlan.builder().throttleRate(0.3).seed(5).build());
		List<MappedItem> items = items(300);
		WriteCapacityLimiter limiter = limiter();
		BatchWriteItemWriter writer = writer(limiter, new java.util.ArrayList<>());

		writer.write(new Chunk<>(items));

		assertThat(scanKeys(this.client, this.table)).isEqualTo(pks(items));
		long throttled = this.proxy.faultsInjected();
		assertThat(throttled).isPositive();
		assertThat(writer.counters().throttles()).isEqualTo(throttled).isEqualTo(limiter.throttles());
		assertThat(limiter.effectiveRate()).isLessThan(1_000_000);
	}

	@Test
	void whenOneBatchFails_theChunkFailsAfterTheOthersFinish_andNothingIsCounted() {
		this.proxy.plan(FaultPlan.builder().alwaysUnprocessed(true).build());
		BatchWriteItemWriter writer = writer(new UnprocessedItemsBackoff(2, Duration.ofMillis(1), Duration.ofMillis(2)),
				(reject) -> {
				}, new WriteThroughput(limiter(), (item) -> 1, this.pool));
		writer.open(new ExecutionContext());

		assertThatExceptionOfType(UnprocessedItemsException.class)
			.isThrownBy(() -> writer.write(new Chunk<>(items(100))))
			.withMessageContaining(this.table);

		ExecutionContext context = new ExecutionContext();
		writer.update(context);
		assertThat(context.getLong(WriteCounters.CALLS)).isZero();
		assertThat(context.getLong(WriteCounters.THROTTLES)).isZero();
		// 4 batches, each tried 3 times
		assertThat(this.proxy.batchWriteCalls()).isEqualTo(12);
	}

}
