package io.dynamomigrate.fleet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.testing.FaultInjectingDynamoDbProxy;
import io.dynamomigrate.testing.FaultPlan;
import io.dynamomigrate.testing.Invariant;
import io.dynamomigrate.testing.Postgres;
import io.dynamomigrate.testing.SinkStats;
import io.dynamomigrate.testing.SharedDynalite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fleets of 20 PostgreSQL shards and 5 MariaDB shards migrated by one mapping into one
 * table, four entries at a time, by the packaged jar: the target equals the union of the
 * sources (an independent scan against the rows read with JDBC), {@code fleet status}
 * shows every entry, and failures stay with their entries: a wrong password and a reject
 * limit exceeded fail two entries with their root causes while the 23 others complete,
 * and {@code fleet restart} runs only those two once they are fixed.
 */
class FleetIntegrationTests {

	private static final int ROWS = 100;

	@TempDir
	Path temp;

	private FleetFixture fixture;

	@BeforeEach
	void setUp() throws Exception {
		fixture = new FleetFixture(temp, ROWS);
	}

	@AfterEach
	void tearDown() throws Exception {
		fixture.close();
	}

	@Test
	void twentyPostgresAndFiveMariaDbShards_fourAtATime_targetEqualsTheUnionOfTheSources() throws Exception {
		Path fleet = fixture.writeFleet(40, 0);

		FleetFixture.Result run = fixture.run("run.log", Map.of(), args("run", fleet, "--concurrency", "4"));

		assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.SUCCESS);
		assertThat(run.output()).contains("Fleet fleet-it: 25 entries run, 25 completed, 0 failed")
			.contains("read 2500, written 2500, rejected 0");
		FleetFixture.assertTargetEquals(fixture.expected());
		FleetFixture.Result status = fixture.run("status.log", Map.of(), args("status", fleet));
		assertThat(status.exitCode()).as(status.output()).isEqualTo(ExitCodes.SUCCESS);
		assertThat(entryLines(status.output(), "COMPLETED\\s+100\\s+100\\s+0")).as(status.output()).hasSize(25);
		assertThat(status.output()).contains("25 of 25 entries completed (");
		assertThat(FleetFixture.executionsPerEntry()).hasSize(25).allSatisfy((job, n) -> assertThat(n).isOne());

		FleetFixture.Result again = fixture.run("again.log", Map.of(), args("run", fleet));
		assertThat(again.exitCode()).as(again.output()).isEqualTo(ExitCodes.SUCCESS);
		assertThat(again.output()).contains("25 entries completed before with the same mapping, not run again");
		assertThat(FleetFixture.executionsPerEntry()).as("a re-run runs nothing")
			.allSatisfy((job, n) -> assertThat(n).isOne());
	}

	@Test
	void aWrongPasswordAndARejectLimitFailTwoEntries_theOthersComplete_restartRunsOnlyThoseTwo() throws Exception {
		Path fleet = fixture.writeFleet(20, 0);
		FleetFixture.execute(7, "UPDATE orders SET code = 'n/a' WHERE order_id = 61");
		Map<String, String> wrongPassword = Map.of("FLEET_IT_PASSWORD_23", "not-the-password");

		FleetFixture.Result run = fixture.run("run.log", wrongPassword, args("run", fleet, "--concurrency", "4"));

		assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.FAILED);
		assertThat(run.output()).contains("25 entries run, 23 completed, 2 failed")
			.contains("Failed entries: pg-7, my-23");
		FleetFixture.Result status = fixture.run("status.log", Map.of(), args("status", fleet));
		assertThat(status.exitCode()).as(status.output()).isEqualTo(ExitCodes.FAILED);
		assertThat(entryLines(status.output(), "COMPLETED\\s+100\\s+100\\s+0")).as(status.output()).hasSize(23);
		assertThat(status.output()).containsPattern("(?m)^pg-7 +FAILED .*maxRejects.*\\.")
			.containsPattern("(?m)^my-23 +FAILED .*Cannot open the source database jdbc:mariadb://127.0.0.1:3306/"
					+ "dm_it_fleet_my_23: .*Access denied.*\\.")
			.contains("23 of 25 entries completed (");
		Map<String, Integer> before = FleetFixture.executionsPerEntry();
		assertThat(before).as("an entry whose source cannot be opened starts no job").hasSize(24);

		FleetFixture.execute(7, "UPDATE orders SET code = '427' WHERE order_id = 61");
		FleetFixture.Result restart = fixture.run("restart.log", Map.of(), args("restart", fleet));

		assertThat(restart.exitCode()).as(restart.output()).isEqualTo(ExitCodes.SUCCESS);
		assertThat(restart.output()).contains("2 entries run, 2 completed, 0 failed (23 not run)");
		Map<String, Integer> after = FleetFixture.executionsPerEntry();
		assertThat(after).hasSize(25);
		List<String> ranAgain = new ArrayList<>();
		after.forEach((job, n) -> {
			if (!n.equals(before.getOrDefault(job, 0))) {
				ranAgain.add(job);
				assertThat(n - before.getOrDefault(job, 0)).as(job).isOne();
			}
		});
		assertThat(ranAgain).containsExactlyInAnyOrder("fleet-it.pg-7", "fleet-it.my-23");
		FleetFixture.assertTargetEquals(fixture.expected());
		FleetFixture.Result done = fixture.run("done.log", Map.of(), args("status", fleet));
		assertThat(done.exitCode()).as(done.output()).isEqualTo(ExitCodes.SUCCESS);
		assertThat(done.output()).contains("25 of 25 entries completed (");
	}

	@Test
	@Invariant(11)
	void entriesWritingOneTableAtOnce_shareItsWriteBudget() throws Exception {
		Path fleet = fixture.writeFleet(25, 0);
		try (FaultInjectingDynamoDbProxy proxy = FaultInjectingDynamoDbProxy.start(SharedDynalite.endpoint(),
				FaultPlan.none())) {
			List<String> args = new ArrayList<>(List.of("fleet", "run", fleet.toString(), "--concurrency", "4",
					"--max-write-capacity", "400", "--endpoint-url", proxy.endpoint().toString(), "--state-dir",
					temp.resolve("state").toString()));

			FleetFixture.Result run = fixture.run("budget.log", Map.of(), args);

			assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.SUCCESS);
			SinkStats arrivals = proxy.arrivals();
			System.out.printf("fleet budget: 400 WCU/s shared by 4 entries at a time: %s%n", arrivals.json());
			assertThat(arrivals.writeUnits()).isEqualTo(25L * ROWS);
			assertThat(arrivals.maxWriteUnitsInAnySecond())
				.as("the worst second over all entries writing the table (4 limiters of their own would allow 1600)")
				.isLessThanOrEqualTo(400);
		}
		FleetFixture.assertTargetEquals(fixture.expected());
	}

	private static List<String> entryLines(String output, String pattern) {
		Pattern line = Pattern.compile("^(pg|my)-\\d+ +" + pattern + ".*");
		return output.lines().filter((l) -> line.matcher(l).matches()).toList();
	}

	private List<String> args(String command, Path fleet, String... more) {
		List<String> args = new ArrayList<>(List.of("fleet", command, fleet.toString()));
		args.addAll(List.of(more));
		args.addAll(List.of("--endpoint-url", SharedDynalite.endpoint().toString(), "--repository-url",
				Postgres.url(FleetFixture.REPOSITORY), "--repository-user", Postgres.USER, "--state-dir",
				temp.resolve("state").toString()));
		return args;
	}

}
