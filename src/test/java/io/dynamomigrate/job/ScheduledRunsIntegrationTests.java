package io.dynamomigrate.job;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.dynamomigrate.dynamodb.client.DynamoDbTarget;
import io.dynamomigrate.dynamodb.write.UnprocessedItemsBackoff;
import io.dynamomigrate.mapping.model.DynamoDbSpec;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.yaml.MappingLoader;
import io.dynamomigrate.report.RunSummary;
import io.dynamomigrate.source.jdbc.JdbcSources;
import io.dynamomigrate.source.jdbc.Watermark;
import io.dynamomigrate.testing.FaultInjectingDynamoDbProxy;
import io.dynamomigrate.testing.FaultPlan;
import io.dynamomigrate.testing.Postgres;
import io.dynamomigrate.testing.SharedDynalite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ticks of a schedule ({@link ScheduledRuns}) against a PostgreSQL source and job
 * repository and dynalite behind the counting proxy: a tick that fails is resumed by the
 * next one, the mark does not advance on failure and no change is missed; two schedulers
 * (two Spring Batch contexts) on one repository never run the mapping at once.
 */
class ScheduledRunsIntegrationTests {

	private static final String SCHEMA = "dm_it_scheduled";

	private static final String REPOSITORY = "dm_it_scheduled_repository";

	private static final String JOB = "scheduled-tracks";

	private static final int ROWS = 2_000;

	private static final int CHUNK = 100;

	private static FaultInjectingDynamoDbProxy proxy;

	@TempDir
	Path temp;

	private Path mappingFile;

	@BeforeAll
	static void startProxy() {
		proxy = FaultInjectingDynamoDbProxy.start(SharedDynalite.endpoint(), FaultPlan.none());
	}

	@AfterAll
	static void dropSchemas() throws Exception {
		proxy.close();
		TracksFixture.drop(SCHEMA, REPOSITORY);
	}

	@BeforeEach
	void freshSourceTargetAndRepository() throws Exception {
		TracksFixture.reset(SCHEMA, REPOSITORY, ROWS);
		proxy.plan(FaultPlan.none());
		proxy.resetCounters();
		mappingFile = EventsFixture.write(temp.resolve("tracks.yml"), TracksFixture.mapping(JOB, SCHEMA, CHUNK, "0s"));
	}

	@AfterEach
	void healProxy() {
		proxy.plan(FaultPlan.none());
	}

	@Test
	void failedTick_isResumedByTheNextTick_theMarkDoesNotAdvanceOnFailure_andNoChangeIsMissed() throws Exception {
		try (Scheduler scheduler = new Scheduler()) {
			ScheduledRuns.Tick first = scheduler.tick();
			assertThat(first.runs()).extracting(RunSummary::status).containsExactly("COMPLETED");
			TracksFixture.assertTargetEquals(TracksFixture.expected(SCHEMA));
			Map<String, Watermark> initialMarks = IncrementalWindows.lastMarks(scheduler.repository(), JOB);
			assertThat(initialMarks.get("track").text()).isEqualTo("2026-01-01T00:33:20"); // row
																							// 2000:
																							// BASE
																							// +
																							// 2000
																							// s

			TracksFixture.execute(SCHEMA,
					"UPDATE tracks SET plays = plays + 1, updated_at = TIMESTAMP " + "'2026-03-01 10:00:00'");
			proxy.resetCounters();
			CompletableFuture<ScheduledRuns.Tick> failing = CompletableFuture.supplyAsync(scheduler::tick);
			await().atMost(Duration.ofMinutes(2))
				.pollInSameThread()
				.pollInterval(Duration.ofMillis(2))
				.until(() -> proxy.forwardedWrites() >= 500 || failing.isDone());
			proxy.plan(FaultPlan.builder().alwaysUnprocessed(true).build());
			ScheduledRuns.Tick second = failing.get(2, TimeUnit.MINUTES);
			assertThat(second.runs()).extracting(RunSummary::status).containsExactly("FAILED");
			assertThat(second.exitCode()).isEqualTo(ExitCodes.FAILED);
			RunSummary failed = second.runs().get(0);
			long committed = failed.written();
			assertThat(committed).as("the failed run committed some chunks, not all").isPositive().isLessThan(ROWS);
			assertThat(IncrementalWindows.lastMarks(scheduler.repository(), JOB)).as("the mark did not advance")
				.isEqualTo(initialMarks);

			// changed while the run is failed: rows the failed run already wrote, and a
			// new row
			TracksFixture.execute(SCHEMA,
					"UPDATE tracks SET title = 'changed during the failure', updated_at = TIMESTAMP "
							+ "'2026-03-01 11:00:00' WHERE id IN (1, 2, 3)",
					"INSERT INTO tracks VALUES (2001, 'new during the failure', 3, TIMESTAMP '2026-03-01 11:00:00', "
							+ "NULL)");
			proxy.plan(FaultPlan.none());
			proxy.resetCounters();

			ScheduledRuns.Tick third = scheduler.tick();
			assertThat(third.runs()).extracting(RunSummary::status).containsExactly("COMPLETED", "COMPLETED");
			assertThat(instanceOf(scheduler.repository(), third.runs().get(0).executionId()))
				.as("the failed run was resumed: a new execution of its job instance")
				.isEqualTo(instanceOf(scheduler.repository(), failed.executionId()));
			// reads have no upper bound: row 2001 (a key past the failed run's last one)
			// is read by the resumed run
			// too, and again by the next run, whose window starts at the failed run's
			// mark
			assertThat(third.runs().get(0).written()).as("the resumed run wrote what was not committed, and row 2001")
				.isEqualTo(ROWS - committed + 1);
			assertThat(third.runs().get(1).written()).as("the next run read what changed since the failed run's mark")
				.isEqualTo(4);
			assertThat(proxy.forwardedWrites()).isEqualTo(ROWS - committed + 1 + 4);
			assertThat(IncrementalWindows.lastMarks(scheduler.repository(), JOB).get("track").text())
				.isEqualTo("2026-03-01T11:00");
			TracksFixture.assertTargetEquals(TracksFixture.expected(SCHEMA));
		}
	}

	@Test
	void twoSchedulersOnOneRepository_neverRunTheMappingAtOnce() throws Exception {
		proxy.plan(FaultPlan.builder().delay(Duration.ofMillis(40)).operations(FaultPlan.BATCH_WRITE_ITEM).build());
		try (Scheduler a = new Scheduler(); Scheduler b = new Scheduler()) {
			for (int round = 0; round < 3; round++) {
				if (round > 0) { // something to do in every round
					TracksFixture.execute(SCHEMA, "UPDATE tracks SET plays = " + round + ", updated_at = TIMESTAMP "
							+ "'2026-03-0" + round + " 10:00:00' WHERE id <= 500");
				}
				CountDownLatch start = new CountDownLatch(1);
				CompletableFuture<ScheduledRuns.Tick> tickA = CompletableFuture.supplyAsync(() -> a.tickAfter(start));
				CompletableFuture<ScheduledRuns.Tick> tickB = CompletableFuture.supplyAsync(() -> b.tickAfter(start));
				start.countDown();
				List<ScheduledRuns.Tick> ticks = List.of(tickA.get(2, TimeUnit.MINUTES),
						tickB.get(2, TimeUnit.MINUTES));
				assertThat(ticks).as("round " + round + ": one tick ran, the other found the lease taken")
					.filteredOn((tick) -> tick.skipped() == null)
					.hasSize(1);
				assertThat(ticks).filteredOn((tick) -> tick.skipped() != null)
					.singleElement()
					.satisfies((tick) -> assertThat(tick.skipped())
						.contains("is in progress in process " + ProcessHandle.current().pid()));
			}
			List<JobExecution> executions = executions(a.repository());
			assertThat(executions).as("one execution per round").hasSize(3);
			for (int i = 1; i < executions.size(); i++) {
				assertThat(executions.get(i).getStartTime()).as("executions never overlap")
					.isAfterOrEqualTo(executions.get(i - 1).getEndTime());
			}
			TracksFixture.assertTargetEquals(TracksFixture.expected(SCHEMA));
		}
	}

	private static long instanceOf(JobRepository repository, long executionId) {
		return repository.getJobExecution(executionId).getJobInstance().getInstanceId();
	}

	private static List<JobExecution> executions(JobRepository repository) {
		List<JobExecution> executions = new ArrayList<>();
		for (JobInstance instance : repository.getJobInstances(JOB, 0, 100)) {
			executions.addAll(repository.getJobExecutions(instance));
		}
		executions.sort(Comparator.comparing(JobExecution::getStartTime));
		return executions;
	}

	/**
	 * One scheduler process's parts: its own Spring Batch context on the shared
	 * repository, source and target.
	 */
	private final class Scheduler implements AutoCloseable {

		private final ConfigurableApplicationContext batch = BatchInfrastructure.start(Postgres.url(REPOSITORY),
				Postgres.USER, null);

		private final MappingSpec mapping = new MappingLoader().load(mappingFile);

		private final HikariDataSource source = JdbcSources.open(mapping.source(), 4);

		private final DynamoDbTarget target = DynamoDbTarget.connect(new DynamoDbSpec(null, null),
				proxy.endpoint().toString(), false, null, temp.resolve("dynalite"), 16);

		private final ScheduledRuns runs = new ScheduledRuns(MigrationRunner.builder()
			.jobOperator(batch.getBean(JobOperator.class))
			.jobRepository(batch.getBean(JobRepository.class))
			.jobRegistry(batch.getBean(JobRegistry.class))
			.transactionManager(batch.getBean(PlatformTransactionManager.class))
			.retryPolicy(new UnprocessedItemsBackoff(20, Duration.ofMillis(1), Duration.ofMillis(1)))
			.sleeper((delay) -> {
			})
			.build(), batch.getBean(JobRepository.class), batch.getBean(JobOperator.class),
				batch.getBean(DataSource.class), RunLease.DEFAULT_TTL);

		Scheduler() throws Exception {
		}

		ScheduledRuns.Tick tick() {
			try {
				return runs.tick(mapping, Files.readString(mappingFile, StandardCharsets.UTF_8), source, target,
						temp.resolve("state"));
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}

		ScheduledRuns.Tick tickAfter(CountDownLatch start) {
			try {
				start.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			return tick();
		}

		JobRepository repository() {
			return batch.getBean(JobRepository.class);
		}

		@Override
		public void close() {
			target.close();
			source.close();
			batch.close();
		}

	}

}
