package io.dynamomigrate.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.dynamomigrate.dynamodb.client.SendPath;
import io.dynamomigrate.job.EventsFixture.Run;
import io.dynamomigrate.testing.FaultInjectingDynamoDbProxy;
import io.dynamomigrate.testing.FaultPlan;
import io.dynamomigrate.testing.Invariant;
import io.dynamomigrate.testing.Postgres;
import io.dynamomigrate.testing.SharedDynalite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a migration of 100,000 PostgreSQL rows with {@code kill -9} three times (early,
 * in the middle, and during a retry storm of unprocessed items, throttling and server
 * errors), each time in a separate JVM running the packaged jar, and restarts it with
 * {@code restart} until it completes. The job repository is PostgreSQL, so each restart
 * finds the crashed execution, recovers it and continues after its last committed chunk.
 * The proxy in front of dynalite counts every write it forwards per key: the target must
 * equal the expected items exactly, and the rows written more than once must be at most
 * the chunks in flight per kill: one per partition (two key ranges).
 */
@Invariant(4)
@ParameterizedClass
@EnumSource(SendPath.class)
class KillRestartIntegrationTests {

	/** Every test runs on both send paths. */
	@Parameter
	SendPath sendPath;

	private static final String SCHEMA = "dm_it_kill";

	private static final String REPOSITORY = "dm_it_kill_repository";

	private static final int ROWS = 100_000;

	private static final int CHUNK = 500;

	private static final int PARTITIONS = 2;

	@TempDir
	Path temp;

	private FaultInjectingDynamoDbProxy proxy;

	private JarProcesses jar;

	@BeforeEach
	void setUp() throws Exception {
		jar = new JarProcesses(temp);
		SharedDynalite.deleteAllTables();
		Postgres.recreateSchema(SCHEMA);
		Postgres.recreateSchema(REPOSITORY);
		EventsFixture.createEvents(SCHEMA, "events", ROWS);
		proxy = FaultInjectingDynamoDbProxy.start(SharedDynalite.endpoint(),
				FaultPlan.builder().delay(Duration.ofMillis(2)).build());
	}

	@AfterEach
	void tearDown() throws Exception {
		proxy.close();
		Postgres.dropSchema(SCHEMA);
		Postgres.dropSchema(REPOSITORY);
	}

	@Test
	void killedEarlyInTheMiddleAndInARetryStorm_restartsEndWithExactlyTheExpectedItems_reworkBoundedByChunksInFlight()
			throws Exception {
		Path mapping = EventsFixture.write(temp.resolve("events.yml"),
				EventsFixture.mapping("kill-events", SCHEMA, "events", CHUNK, "    partitions: " + PARTITIONS + "\n"));
		List<Long> writesAtKills = new ArrayList<>();

		Process first = start("run", mapping, "run-1.log");
		jar.killWhen(first, () -> proxy.forwardedWrites() >= 5_000, "run-1.log");
		writesAtKills.add(proxy.forwardedWrites());

		Run status = EventsFixture.cli(repository("status", "kill-events"));
		assertThat(status.output()).as("status sees the crash").contains(": STARTED (its process is gone: crashed");

		Process second = start("restart", mapping, "run-2.log");
		jar.killWhen(second, () -> proxy.forwardedWrites() >= 50_000, "run-2.log");
		writesAtKills.add(proxy.forwardedWrites());

		Process third = start("restart", mapping, "run-3.log");
		JarProcesses.waitFor(() -> proxy.forwardedWrites() >= 75_000 || !third.isAlive());
		long faultsBefore = proxy.faultsInjected();
		proxy.plan(FaultPlan.builder()
			.unprocessedRate(0.4)
			.throttleRate(0.1)
			.serverErrorRate(0.1)
			.delay(Duration.ofMillis(2))
			.seed(9)
			.build());
		jar.killWhen(third, () -> proxy.faultsInjected() - faultsBefore >= 100, "run-3.log");
		writesAtKills.add(proxy.forwardedWrites());

		proxy.plan(FaultPlan.none());
		Process last = start("restart", mapping, "run-4.log");
		assertThat(last.waitFor(5, TimeUnit.MINUTES)).isTrue();
		String log = jar.log("run-4.log");
		assertThat(last.exitValue()).as(log).isEqualTo(ExitCodes.SUCCESS);
		assertThat(log).contains("(FAILED)").contains("COMPLETED");

		System.out.printf(
				"kill-restart: writes forwarded at the kills %s; keys written more than once %d; total "
						+ "writes %d for %d rows%n",
				writesAtKills, proxy.keysWrittenMoreThanOnce(EventsFixture.TABLE), proxy.forwardedWrites(), ROWS);
		assertThat(writesAtKills).as("kills at increasing points").isSorted().allMatch((w) -> w < ROWS);
		EventsFixture.assertTargetEquals(EventsFixture.expected(ROWS));
		long kills = writesAtKills.size();
		assertThat(proxy.keysWrittenMoreThanOnce(EventsFixture.TABLE))
			.as("rows written twice: at most the chunks in flight (one per partition) at each of %d kills", kills)
			.isLessThanOrEqualTo(kills * PARTITIONS * CHUNK);
		assertThat(proxy.forwardedWrites()).as("total writes").isLessThanOrEqualTo(ROWS + kills * PARTITIONS * CHUNK);

		Run done = EventsFixture.cli(repository("status", "kill-events", "--limit", "1"));
		assertThat(done.output()).contains(": COMPLETED")
			.containsPattern("event\\s+COMPLETED\\s+(\\d+)\\s+\\1\\s+0\\s+0");
	}

	private Process start(String command, Path mapping, String logName) throws Exception {
		List<String> args = new ArrayList<>(List.of(command, mapping.toString(), "--endpoint-url",
				proxy.endpoint().toString(), "--send-path", this.sendPath.name()));
		args.addAll(List.of(repository()));
		return jar.start(logName, args);
	}

	private String[] repository(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--repository-url", Postgres.url(REPOSITORY), "--repository-user", Postgres.USER,
				"--state-dir", temp.resolve("state").toString()));
		return all.toArray(String[]::new);
	}

}
