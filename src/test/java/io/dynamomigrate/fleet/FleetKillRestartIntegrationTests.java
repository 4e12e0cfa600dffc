package io.dynamomigrate.fleet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.testing.FaultInjectingDynamoDbProxy;
import io.dynamomigrate.testing.FaultPlan;
import io.dynamomigrate.testing.Invariant;
import io.dynamomigrate.testing.SharedDynalite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a fleet run of 25 shards (10,000 rows, four entries at a time, the default H2
 * file repository) with {@code kill -9} in the middle, and continues it with
 * {@code fleet restart}: the crashed entries are recovered and continue after their last
 * committed chunk, the entries never reached run, and the completed ones are left alone.
 * The proxy in front of dynalite counts the writes per key: the target equals the sources
 * and the keys written twice are at most the chunks in flight at the kill (one per entry
 * running). A SIGTERM instead stops the running entries after their chunks in flight:
 * nothing is written twice.
 */
@Invariant(4)
class FleetKillRestartIntegrationTests {

	private static final int ROWS = 400;

	private static final int CHUNK = 50;

	private static final int CONCURRENCY = 4;

	@TempDir
	Path temp;

	private FleetFixture fixture;

	private FaultInjectingDynamoDbProxy proxy;

	@BeforeEach
	void setUp() throws Exception {
		fixture = new FleetFixture(temp, ROWS);
		proxy = FaultInjectingDynamoDbProxy.start(SharedDynalite.endpoint(),
				FaultPlan.builder().delay(Duration.ofMillis(3)).build());
	}

	@AfterEach
	void tearDown() throws Exception {
		proxy.close();
		fixture.close();
	}

	@Test
	void killedInTheMiddle_fleetRestartCompletesEveryEntry_targetExact_reworkBoundedByChunksInFlight()
			throws Exception {
		Path fleet = fixture.writeFleet(CHUNK, 0);
		int total = FleetFixture.SHARDS * ROWS;

		Process run = runUntilAThirdIsWritten(fleet, total);
		run.destroyForcibly();
		assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
		long atKill = proxy.forwardedWrites();

		FleetFixture.Result status = fixture.run("status.log", Map.of(), args("status", fleet));
		assertThat(status.exitCode()).as(status.output()).isEqualTo(ExitCodes.FAILED);
		assertThat(status.output()).as("entries left running by the killed process").containsPattern("(?m) STARTED ");

		FleetFixture.Result restart = fixture.run("restart.log", Map.of(), args("restart", fleet));

		assertThat(restart.exitCode()).as(restart.output()).isEqualTo(ExitCodes.SUCCESS);
		System.out.printf(
				"fleet kill-restart: writes at the kill %d of %d; keys written more than once %d; total "
						+ "writes %d%n",
				atKill, total, proxy.keysWrittenMoreThanOnce(FleetFixture.TABLE), proxy.forwardedWrites());
		assertThat(atKill).isLessThan(total);
		FleetFixture.assertTargetEquals(fixture.expected());
		assertThat(proxy.keysWrittenMoreThanOnce(FleetFixture.TABLE))
			.as("keys written twice: at most one chunk in flight per entry running at the kill")
			.isLessThanOrEqualTo((long) CONCURRENCY * CHUNK);
		assertThat(proxy.forwardedWrites()).isLessThanOrEqualTo(total + (long) CONCURRENCY * CHUNK);
		FleetFixture.Result done = fixture.run("done.log", Map.of(), args("status", fleet));
		assertThat(done.exitCode()).as(done.output()).isEqualTo(ExitCodes.SUCCESS);
		assertThat(done.output()).contains("25 of 25 entries completed (");
	}

	@Test
	void sigtermInTheMiddle_stopsTheRunningEntriesAfterTheirChunks_exit4_fleetRestartCompletes_noKeyWrittenTwice()
			throws Exception {
		Path fleet = fixture.writeFleet(CHUNK, 0);
		int total = FleetFixture.SHARDS * ROWS;

		Process run = runUntilAThirdIsWritten(fleet, total);
		run.destroy(); // SIGTERM
		assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
		long atStop = proxy.forwardedWrites();

		assertThat(run.exitValue()).as(fixture.log("run.log")).isEqualTo(ExitCodes.STOPPED);
		assertThat(fixture.log("run.log")).contains("Stopped by a signal: ").doesNotContain("Failed entries");
		FleetFixture.Result status = fixture.run("status.log", Map.of(), args("status", fleet));
		assertThat(status.exitCode()).as(status.output()).isEqualTo(ExitCodes.FAILED);
		assertThat(status.output()).as("entries stopped, none left running or failed")
			.doesNotContainPattern("(?m) (STARTED|FAILED) ");
		long stopped = status.output().lines().filter((line) -> line.contains(" STOPPED ")).count();
		assertThat(stopped).as("every entry running at the signal is stopped, not only one: " + status.output())
			.isGreaterThanOrEqualTo(2)
			.isLessThanOrEqualTo(CONCURRENCY);

		FleetFixture.Result restart = fixture.run("restart.log", Map.of(), args("restart", fleet));

		assertThat(restart.exitCode()).as(restart.output()).isEqualTo(ExitCodes.SUCCESS);
		System.out
			.printf("fleet sigterm-restart: writes at the stop %d of %d; entries stopped %d; keys written more than "
					+ "once %d%n", atStop, total, stopped, proxy.keysWrittenMoreThanOnce(FleetFixture.TABLE));
		assertThat(atStop).isLessThan(total);
		FleetFixture.assertTargetEquals(fixture.expected());
		assertThat(proxy.keysWrittenMoreThanOnce(FleetFixture.TABLE))
			.as("keys written twice: none, the chunks in flight were committed before the entries stopped")
			.isZero();
		assertThat(proxy.forwardedWrites()).isEqualTo(total);
	}

	/**
	 * Starts {@code fleet run} and returns it, still running, once a third is written.
	 */
	private Process runUntilAThirdIsWritten(Path fleet, int total) throws Exception {
		Process run = fixture.start("run.log", Map.of(),
				args("run", fleet, "--concurrency", Integer.toString(CONCURRENCY)));
		FleetFixture.waitFor(() -> proxy.forwardedWrites() >= total / 3 || !run.isAlive());
		assertThat(run.isAlive()).as(fixture.log("run.log")).isTrue();
		return run;
	}

	private List<String> args(String command, Path fleet, String... more) {
		List<String> args = new ArrayList<>(List.of("fleet", command, fleet.toString()));
		args.addAll(List.of(more));
		args.addAll(List.of("--endpoint-url", proxy.endpoint().toString(), "--state-dir",
				temp.resolve("state").toString()));
		return args;
	}

}
