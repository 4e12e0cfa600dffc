package io.dynamomigrate.job;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.dynamomigrate.dynamodb.client.DynamoDbTarget;
import io.dynamomigrate.dynamodb.write.UnprocessedItemsBackoff;
import io.dynamomigrate.job.EventsFixture.Run;
import io.dynamomigrate.mapping.model.DynamoDbSpec;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.yaml.MappingLoader;
import io.dynamomigrate.report.RunSummary;
import io.dynamomigrate.source.jdbc.JdbcSources;
import io.dynamomigrate.testing.FaultInjectingDynamoDbProxy;
import io.dynamomigrate.testing.FaultPlan;
import io.dynamomigrate.testing.Invariant;
import io.dynamomigrate.testing.Postgres;
import io.dynamomigrate.testing.SharedDynalite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Partitioned steps ({@code partitions: N}) against PostgreSQL and dynalite behind the
 * counting proxy: numeric keys split by min/max, text keys by sampled boundaries,
 * partitions run concurrently and each restarts on its own.
 */
class PartitionedStepIntegrationTests {

	private static final String SCHEMA = "dm_it_partitions";

	private static final String REPOSITORY = "dm_it_partitions_repository";

	private static final int ROWS = 12_000;

	private static final int CHUNK = 200;

	private static final int PARTITIONS = 4;

	private static FaultInjectingDynamoDbProxy proxy;

	@TempDir
	Path temp;

	@BeforeAll
	static void createSource() throws Exception {
		Postgres.recreateSchema(SCHEMA);
		EventsFixture.createEvents(SCHEMA, "events", ROWS);
		try (Connection c = Postgres.connect(SCHEMA); Statement s = c.createStatement()) {
			s.execute("CREATE TABLE coded_events AS SELECT 'E-' || md5(id::text) AS code, name FROM events");
			s.execute("ALTER TABLE coded_events ADD PRIMARY KEY (code)");
		}
		proxy = FaultInjectingDynamoDbProxy.start(SharedDynalite.endpoint(), FaultPlan.none());
	}

	@AfterAll
	static void dropSchemas() throws Exception {
		proxy.close();
		Postgres.dropSchema(SCHEMA);
		Postgres.dropSchema(REPOSITORY);
	}

	@BeforeEach
	void emptyTargetAndRepository() throws Exception {
		SharedDynalite.deleteAllTables();
		Postgres.recreateSchema(REPOSITORY);
		proxy.plan(FaultPlan.none());
		proxy.resetCounters();
	}

	@Test
	void numericKey_isSplitIntoRangesRunConcurrently_everyRowWrittenOnce_andStatusShowsEachPartition() {
		Path mapping = write("events.yml", EventsFixture.mapping("partitioned-events", SCHEMA, "events", CHUNK,
				"    partitions: " + PARTITIONS + "\n"));
		Run run = EventsFixture.cli(with("run", mapping.toString(), "--endpoint-url", proxy.endpoint().toString()));
		assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.SUCCESS);
		assertThat(run.output()).containsPattern("total\\s+" + ROWS + "\\s+" + ROWS + "\\s+0\\s+0");
		EventsFixture.assertTargetEquals(EventsFixture.expected(ROWS));
		assertThat(proxy.forwardedWrites()).isEqualTo(ROWS);
		assertThat(proxy.keysWrittenMoreThanOnce(EventsFixture.TABLE)).isZero();

		Run status = EventsFixture.cli(with("status", "partitioned-events"));
		for (int i = 0; i < PARTITIONS; i++) {
			// ids 1..12000 in 4 ranges of 3000
			assertThat(status.output())
				.containsPattern("event:partition" + i + "\\s+COMPLETED\\s+3000\\s+3000\\s+0\\s+0");
		}
		assertThat(status.output()).containsPattern("event\\s+COMPLETED\\s+" + ROWS + "\\s+" + ROWS);
	}

	@Test
	void textKey_isSplitBySampledBoundaries_everyRowWrittenOnce() throws Exception {
		Path mapping = write("coded.yml", """
				name: coded-events
				source: { url: "%s", user: postgres }
				tables:
				  - { name: coded_events, partitionKey: { name: code, type: S } }
				items:
				  - name: coded
				    table: coded_events
				    source: { table: coded_events, key: [code] }
				    chunkSize: %d
				    partitions: %d
				    attributes: { code: "${code}", name: "${name}" }
				""".formatted(Postgres.url(SCHEMA), CHUNK, PARTITIONS));
		Run run = EventsFixture.cli(with("run", mapping.toString(), "--endpoint-url", proxy.endpoint().toString()));
		assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.SUCCESS);
		Map<String, String> actual = new HashMap<>();
		try (DynamoDbClient client = SharedDynalite.client()) {
			client.scanPaginator((b) -> b.tableName("coded_events"))
				.items()
				.forEach((item) -> actual.put(item.get("code").s(), item.get("name").s()));
		}
		Map<String, String> expected = new HashMap<>();
		try (Connection c = Postgres.connect(SCHEMA);
				Statement s = c.createStatement();
				var rows = s.executeQuery("SELECT code, name FROM coded_events")) {
			while (rows.next()) {
				expected.put(rows.getString(1), rows.getString(2));
			}
		}
		assertThat(actual).hasSize(ROWS).isEqualTo(expected);
		assertThat(proxy.keysWrittenMoreThanOnce("coded_events")).isZero();
		Run status = EventsFixture.cli(with("status", "coded-events"));
		assertThat(status.output()).contains("coded:partition0", "coded:partition" + (PARTITIONS - 1));
	}

	@Test
	@Invariant(4)
	void failedPartitionedRun_restartContinuesEachPartitionAfterItsOwnLastCommittedChunk() throws Exception {
		Path mapping = write("events.yml", EventsFixture.mapping("partitioned-restart", SCHEMA, "events", CHUNK,
				"    partitions: " + PARTITIONS + "\n"));
		RunSummary failed = runUntilTheProxyFails(mapping, ROWS / 3);
		assertThat(failed.status()).as(failed.toString()).isEqualTo("FAILED");
		assertThat(failed.written()).isLessThan(ROWS);

		proxy.plan(FaultPlan.none());
		long before = proxy.forwardedWrites();
		Run restarted = EventsFixture
			.cli(with("restart", mapping.toString(), "--endpoint-url", proxy.endpoint().toString()));
		assertThat(restarted.exitCode()).as(restarted.output()).isEqualTo(ExitCodes.SUCCESS);
		EventsFixture.assertTargetEquals(EventsFixture.expected(ROWS));
		assertThat(proxy.forwardedWrites() - before).as("the restart rewrites at most a chunk per partition")
			.isLessThanOrEqualTo(ROWS - failed.written() + (long) PARTITIONS * CHUNK);
		assertThat(proxy.keysWrittenMoreThanOnce(EventsFixture.TABLE))
			.as("rows written twice: at most the chunks in flight, one per partition")
			.isLessThanOrEqualTo((long) PARTITIONS * CHUNK);
	}

	private RunSummary runUntilTheProxyFails(Path mappingFile, long failAfterWrites) throws Exception {
		MappingSpec mapping = new MappingLoader().load(mappingFile);
		try (ConfigurableApplicationContext batch = BatchInfrastructure.start(Postgres.url(REPOSITORY), Postgres.USER,
				null);
				HikariDataSource source = JdbcSources.open(mapping.source(), PARTITIONS + 1);
				DynamoDbTarget target = DynamoDbTarget.connect(new DynamoDbSpec(null, null),
						proxy.endpoint().toString(), false, null, temp.resolve("dynalite"), 8)) {
			MigrationRunner runner = MigrationRunner.builder()
				.jobOperator(batch.getBean(JobOperator.class))
				.jobRepository(batch.getBean(JobRepository.class))
				.jobRegistry(batch.getBean(JobRegistry.class))
				.transactionManager(batch.getBean(PlatformTransactionManager.class))
				.retryPolicy(new UnprocessedItemsBackoff(2, Duration.ofMillis(1), Duration.ofMillis(1)))
				.sleeper((delay) -> {
				})
				.build();
			CompletableFuture<RunSummary> run = CompletableFuture
				.supplyAsync(() -> runner.run(mapping, source, target, temp.resolve("state")));
			await().atMost(Duration.ofSeconds(120))
				.pollInSameThread()
				.pollInterval(Duration.ofMillis(5))
				.until(() -> proxy.forwardedWrites() >= failAfterWrites || run.isDone());
			proxy.plan(FaultPlan.builder().alwaysUnprocessed(true).build());
			return run.get(120, TimeUnit.SECONDS);
		}
	}

	private Path write(String name, String text) {
		try {
			return EventsFixture.write(temp.resolve(name), text);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private String[] with(String... args) {
		String[] all = java.util.Arrays.copyOf(args, args.length + 6);
		System.arraycopy(new String[] { "--repository-url", Postgres.url(REPOSITORY), "--repository-user",
				Postgres.USER, "--state-dir", temp.resolve("state").toString() }, 0, all, args.length, 6);
		return all;
	}

}
