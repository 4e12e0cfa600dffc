package io.dynamomigrate.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.dynamomigrate.job.EventsFixture.Run;
import io.dynamomigrate.testing.FaultInjectingDynamoDbProxy;
import io.dynamomigrate.testing.FaultPlan;
import io.dynamomigrate.testing.Postgres;
import io.dynamomigrate.testing.SharedDynalite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Graceful stops of a run in a separate JVM (the packaged jar): by SIGTERM, and by the
 * {@code stop} command from another process. Either way the run finishes its chunk in
 * flight, ends {@code STOPPED} with exit code 4, and {@code restart} continues after the
 * last committed chunk without writing anything twice.
 */
class StopIntegrationTests {

	private static final String SCHEMA = "dm_it_stop";

	private static final String REPOSITORY = "dm_it_stop_repository";

	private static final int ROWS = 20_000;

	private static final int CHUNK = 250;

	@TempDir
	Path temp;

	private FaultInjectingDynamoDbProxy proxy;

	@BeforeEach
	void setUp() throws Exception {
		SharedDynalite.deleteAllTables();
		Postgres.recreateSchema(SCHEMA);
		Postgres.recreateSchema(REPOSITORY);
		EventsFixture.createEvents(SCHEMA, "events", ROWS);
		proxy = FaultInjectingDynamoDbProxy.start(SharedDynalite.endpoint(),
				FaultPlan.builder().delay(Duration.ofMillis(5)).build());
	}

	@AfterEach
	void tearDown() throws Exception {
		proxy.close();
		Postgres.dropSchema(SCHEMA);
		Postgres.dropSchema(REPOSITORY);
	}

	@Test
	void sigterm_stopsAfterTheChunkInFlight_exitCode4_andRestartContinuesWithoutRewriting() throws Exception {
		Path mapping = EventsFixture.write(temp.resolve("events.yml"),
				EventsFixture.mapping("stop-events", SCHEMA, "events", CHUNK, ""));
		Process run = start("run", mapping, "run.log");
		waitUntil(run, 3_000);
		run.destroy(); // SIGTERM
		assertStopped(run, "run.log");
		restartAndCheck(mapping);
	}

	@Test
	void stopCommand_fromAnotherProcess_stopsTheRun_andRestartContinues() throws Exception {
		Path mapping = EventsFixture.write(temp.resolve("events.yml"),
				EventsFixture.mapping("stop-events", SCHEMA, "events", CHUNK, ""));
		Process run = start("run", mapping, "run.log");
		waitUntil(run, 3_000);
		Run stop = EventsFixture.cli(repository("stop", mapping.toString()));
		assertThat(stop.exitCode()).as(stop.output()).isEqualTo(ExitCodes.SUCCESS);
		assertThat(stop.output()).contains("Stop requested for execution");
		assertStopped(run, "run.log");
		Run again = EventsFixture.cli(repository("stop", "stop-events"));
		assertThat(again.exitCode()).isEqualTo(ExitCodes.FAILED);
		assertThat(again.output()).contains("No execution of mapping stop-events is running.");
		restartAndCheck(mapping);
	}

	private void assertStopped(Process run, String logName) throws Exception {
		assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();
		String log = Files.readString(temp.resolve(logName));
		assertThat(run.exitValue()).as(log).isEqualTo(ExitCodes.STOPPED);
		assertThat(log).contains(": STOPPED").contains("Exit code 4");
		assertThat(log).as("a stop is said in a sentence, with what continues it")
			.contains(
					"Stopped: the run was stopped (stop command or signal) after its chunks in flight were committed.")
			.contains("`dynamo-migrate restart " + temp.resolve("events.yml") + "` (with the same options) continues")
			.doesNotContain("Failure:")
			.doesNotContain("JobInterruptedException");
		assertThat(proxy.forwardedWrites()).as("stopped before the end").isLessThan(ROWS);
		assertThat(proxy.forwardedWrites() % CHUNK).as("only whole chunks were written").isZero();
		Run status = EventsFixture.cli(repository("status", "stop-events"));
		assertThat(status.output()).containsPattern("execution \\d+: STOPPED")
			.containsPattern("event\\s+STOPPED\\s+" + proxy.forwardedWrites() + "\\s+" + proxy.forwardedWrites());
	}

	private void restartAndCheck(Path mapping) {
		long before = proxy.forwardedWrites();
		Run restart = EventsFixture
			.cli(repository("restart", mapping.toString(), "--endpoint-url", proxy.endpoint().toString()));
		assertThat(restart.exitCode()).as(restart.output()).isEqualTo(ExitCodes.SUCCESS);
		assertThat(restart.output()).contains("(STOPPED)");
		assertThat(proxy.forwardedWrites() - before).as("the restart writes the rest, once").isEqualTo(ROWS - before);
		EventsFixture.assertTargetEquals(EventsFixture.expected(ROWS));
		assertThat(proxy.keysWrittenMoreThanOnce(EventsFixture.TABLE)).isZero();
	}

	private void waitUntil(Process run, long writes) throws Exception {
		await().atMost(Duration.ofMinutes(2))
			.pollInSameThread()
			.pollInterval(Duration.ofMillis(10))
			.until(() -> proxy.forwardedWrites() >= writes || !run.isAlive());
		assertThat(run.isAlive()).as(Files.readString(temp.resolve("run.log"))).isTrue();
	}

	private Process start(String command, Path mapping, String logName) throws Exception {
		List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", System.getProperty("dynamo-migrate.jar"), command, mapping.toString(), "--endpoint-url",
				proxy.endpoint().toString()));
		args.addAll(List.of(repository()));
		return new ProcessBuilder(args).redirectErrorStream(true)
			.redirectOutput(temp.resolve(logName).toFile())
			.start();
	}

	private String[] repository(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--repository-url", Postgres.url(REPOSITORY), "--repository-user", Postgres.USER,
				"--state-dir", temp.resolve("state").toString()));
		return all.toArray(String[]::new);
	}

}
