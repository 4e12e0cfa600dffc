package io.dynamomigrate.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Restart, status and fault tolerance against real components: a PostgreSQL source and
 * job repository, dynalite behind the fault-injecting proxy (which counts every write it
 * forwards per key), and the command line in this JVM. A failure is made by turning the
 * proxy to "everything unprocessed" in the middle of a run.
 */
class RestartIntegrationTests {

	private static final String SCHEMA = "dm_it_restart";

	private static final String REPOSITORY = "dm_it_restart_repository";

	private static final int ROWS = 10_000;

	private static final int CHUNK = 200;

	/**
	 * Rows of the faulty-endpoint run (the adaptive write rate slows down under 30 %
	 * unprocessed items).
	 */
	private static final int FEW = 2_000;

	private static FaultInjectingDynamoDbProxy proxy;

	@TempDir
	Path temp;

	@BeforeAll
	static void createSource() throws Exception {
		Postgres.recreateSchema(SCHEMA);
		EventsFixture.createEvents(SCHEMA, "events", ROWS);
		EventsFixture.createEvents(SCHEMA, "dirty_events", 2_000);
		EventsFixture.createEvents(SCHEMA, "few_events", FEW);
		try (var c = Postgres.connect(SCHEMA); var s = c.createStatement()) {
			s.execute("UPDATE dirty_events SET name = NULL WHERE id % 100 = 0"); // 20
																					// rejects,
																					// 1 %
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

	@AfterEach
	void healProxy() {
		proxy.plan(FaultPlan.none());
	}

	@Test
	@Invariant(4)
	void failedRun_restartsAfterItsLastCommittedChunk_aChangedMappingIsRefused_andStatusShowsTheCounts()
			throws Exception {
		String original = EventsFixture.mapping("restart-events", SCHEMA, "events", CHUNK, "");
		Path mapping = EventsFixture.write(temp.resolve("events.yml"), original);

		RunSummary failed = runInThisJvm(mapping, 3_000);
		assertThat(failed.status()).as(failed.toString()).isEqualTo("FAILED");
		assertThat(failed.exitCode()).isEqualTo(ExitCodes.FAILED);
		long committed = failed.written();
		assertThat(committed).isPositive().isLessThan(ROWS);
		assertThat(committed % CHUNK).as("whole chunks are committed").isZero();

		Run status = EventsFixture.cli(with("status", "restart-events"));
		assertThat(status.exitCode()).as(status.output()).isZero();
		assertThat(status.output()).contains("Mapping restart-events, execution " + failed.executionId() + ": FAILED")
			.containsPattern("event\\s+FAILED\\s+\\d+\\s+" + committed + "\\s+0\\s+0")
			.contains("Failure: ");

		EventsFixture.write(mapping, original.replace("chunkSize: " + CHUNK, "chunkSize: 300"));
		Run refused = EventsFixture
			.cli(with("restart", mapping.toString(), "--endpoint-url", proxy.endpoint().toString()));
		assertThat(refused.exitCode()).as(refused.output()).isEqualTo(ExitCodes.INVALID);
		assertThat(refused.output()).contains("changed since execution " + failed.executionId())
			.containsPattern("- line \\d+:\\s+chunkSize: " + CHUNK)
			.containsPattern("\\+ line \\d+:\\s+chunkSize: 300")
			.contains("`run`");

		EventsFixture.write(mapping, original);
		proxy.plan(FaultPlan.none());
		long writesBeforeRestart = proxy.forwardedWrites();
		Run restarted = EventsFixture
			.cli(with("restart", mapping.toString(), "--endpoint-url", proxy.endpoint().toString()));
		assertThat(restarted.exitCode()).as(restarted.output()).isEqualTo(ExitCodes.SUCCESS);
		long rest = ROWS - committed;
		assertThat(restarted.output()).contains("Restarting execution " + failed.executionId() + " (FAILED)")
			.containsPattern("total\\s+" + rest + "\\s+" + rest + "\\s+0\\s+0");
		// every item is one WCU and nothing is retried: the restart's WCU/s is its
		// items/s (not the whole step's WCU
		// over the restart's duration)
		Matcher row = Pattern
			.compile("event\\s+\\S+\\s+COMPLETED\\s+" + rest + "\\s+" + rest
					+ "\\s+0\\s+0\\s+[0-9.]+\\s+(\\d+)\\s+(\\d+)")
			.matcher(restarted.output());
		assertThat(row.find()).as(restarted.output()).isTrue();
		assertThat(Long.parseLong(row.group(2))).as("WCU/s").isCloseTo(Long.parseLong(row.group(1)), within(1L));
		assertThat(proxy.forwardedWrites() - writesBeforeRestart).as("the restart writes only what was not committed")
			.isEqualTo(rest);
		EventsFixture.assertTargetEquals(EventsFixture.expected(ROWS));
		assertThat(proxy.keysWrittenMoreThanOnce(EventsFixture.TABLE))
			.as("rows written twice: at most the chunk in flight when the run failed")
			.isLessThanOrEqualTo(CHUNK);

		Run completed = EventsFixture.cli(with("status", "restart-events", "--limit", "1"));
		assertThat(completed.output()).as("the completed restart shows no failure (the one it continued had one)")
			.contains(": COMPLETED")
			.doesNotContain("Failure:");

		Run nothingLeft = EventsFixture
			.cli(with("restart", mapping.toString(), "--endpoint-url", proxy.endpoint().toString()));
		assertThat(nothingLeft.exitCode()).isEqualTo(ExitCodes.INVALID);
		assertThat(nothingLeft.output()).contains("is COMPLETED; there is nothing to restart");
	}

	@Test
	@Invariant({ 1, 2 })
	void faultyEndpoint_unprocessedItemsServerErrorsAndResets_runCompletesWithNothingLostAndNothingExtra()
			throws Exception {
		Path mapping = EventsFixture.write(temp.resolve("events.yml"),
				EventsFixture.mapping("faulty-events", SCHEMA, "few_events", CHUNK, ""));
		proxy.plan(FaultPlan.builder()
			.unprocessedRate(0.30)
			.serverErrorRate(0.05)
			.connectionResetRate(0.01)
			.seed(5)
			.build());
		// in this JVM with an injected sleeper: the writer's backoff for unprocessed
		// items is not slept for real
		RunSummary run = runInThisJvm(mapping, -1);
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.SUCCESS);
		assertThat(run.steps().get(0).read()).isEqualTo(FEW);
		assertThat(run.written()).isEqualTo(FEW);
		assertThat(run.steps().get(0).unprocessedRetries()).as("unprocessed items were sent again").isPositive();
		assertThat(proxy.unprocessedReturned()).as("the proxy returned unprocessed items").isPositive();
		assertThat(proxy.faultsInjected()).as("the proxy injected errors and resets").isPositive();
		EventsFixture.assertTargetEquals(EventsFixture.expected(FEW));
		assertThat(proxy.forwardedWrites()).as("every row written exactly once").isEqualTo(FEW);
		assertThat(proxy.keysWrittenMoreThanOnce(EventsFixture.TABLE)).isZero();
	}

	@Test
	void maxRejects_exceeded_failsTheStep_andStatusShowsIt() throws Exception {
		Path mapping = EventsFixture.write(temp.resolve("dirty.yml"),
				EventsFixture.mapping("dirty-events", SCHEMA, "dirty_events", CHUNK, "    maxRejects: 5\n"));
		Run run = EventsFixture.cli(with("run", mapping.toString(), "--endpoint-url", proxy.endpoint().toString()));
		assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.FAILED);
		assertThat(run.output()).contains("Step event rejected 6 records, more than its maxRejects (5) allows");

		Run status = EventsFixture.cli(with("status", mapping.toString()));
		assertThat(status.output()).contains("Mapping dirty-events, execution")
			.contains(": FAILED")
			.contains("more than its maxRejects (5)");
	}

	@Test
	void maxRejects_percentageNotExceeded_completesWithRejects() throws Exception {
		Path mapping = EventsFixture.write(temp.resolve("dirty.yml"),
				EventsFixture.mapping("dirty-events", SCHEMA, "dirty_events", CHUNK, "    maxRejects: \"1%\"\n"));
		Run run = EventsFixture.cli(with("run", mapping.toString(), "--endpoint-url", proxy.endpoint().toString()));
		assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
		assertThat(run.output()).containsPattern("total\\s+2000\\s+1980\\s+20\\s+0");
	}

	/**
	 * Runs the mapping in this JVM, with the writer's backoff not slept for real; when
	 * {@code failAfterWrites} is not negative, makes every write unprocessed once the
	 * proxy forwarded that many (so that the step fails).
	 */
	private RunSummary runInThisJvm(Path mappingFile, long failAfterWrites) throws Exception {
		MappingSpec mapping = new MappingLoader().load(mappingFile);
		try (ConfigurableApplicationContext batch = BatchInfrastructure.start(Postgres.url(REPOSITORY), Postgres.USER,
				null);
				HikariDataSource source = JdbcSources.open(mapping.source(), 2);
				DynamoDbTarget target = DynamoDbTarget.connect(new DynamoDbSpec(null, null),
						proxy.endpoint().toString(), false, null, temp.resolve("dynalite"), 4)) {
			MigrationRunner runner = MigrationRunner.builder()
				.jobOperator(batch.getBean(JobOperator.class))
				.jobRepository(batch.getBean(JobRepository.class))
				.jobRegistry(batch.getBean(JobRegistry.class))
				.transactionManager(batch.getBean(PlatformTransactionManager.class))
				.retryPolicy(new UnprocessedItemsBackoff(20, Duration.ofMillis(1), Duration.ofMillis(1)))
				.sleeper((delay) -> {
				})
				.build();
			if (failAfterWrites < 0) {
				return runner.run(mapping, source, target, temp.resolve("state"));
			}
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

	private String[] with(String... args) {
		String[] all = java.util.Arrays.copyOf(args, args.length + 6);
		System.arraycopy(new String[] { "--repository-url", Postgres.url(REPOSITORY), "--repository-user",
				Postgres.USER, "--state-dir", temp.resolve("state").toString() }, 0, all, args.length, 6);
		return all;
	}

}
