package io.dynamomigrate.job;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.dynamomigrate.job.EventsFixture.Run;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the packaged jar with {@code kill -9} while its execution is still
 * {@code STARTING}: created in the job repository, not started yet. The process is held
 * there by a trigger in the PostgreSQL job repository: the first update of a
 * {@code STARTING} execution waits for an advisory lock that the test holds, the process
 * is killed while it waits, and its update is rolled back. Such an execution must be seen
 * as crashed (by {@code status} and by {@code restart}, which recovers and continues it),
 * and must show its own process, not the one of the execution it restarts.
 */
@Invariant(4)
class KilledWhileStartingIntegrationTests {

	private static final String SCHEMA = "dm_it_starting";

	private static final String REPOSITORY = "dm_it_starting_repository";

	private static final String MAPPING = "starting-events";

	private static final int ROWS = 5_000;

	private static final int CHUNK = 100;

	/** The advisory lock that holds executions in {@code STARTING}. */
	private static final long HOLD = 7_730_018L;

	@TempDir
	Path temp;

	private FaultInjectingDynamoDbProxy proxy;

	private JarProcesses jar;

	@BeforeAll
	static void createSource() throws Exception {
		Postgres.recreateSchema(SCHEMA);
		EventsFixture.createEvents(SCHEMA, "events", ROWS);
	}

	@AfterAll
	static void dropSchemas() throws Exception {
		Postgres.dropSchema(SCHEMA);
		Postgres.dropSchema(REPOSITORY);
	}

	@BeforeEach
	void setUp() throws Exception {
		SharedDynalite.deleteAllTables();
		Postgres.recreateSchema(REPOSITORY);
		proxy = FaultInjectingDynamoDbProxy.start(SharedDynalite.endpoint(), FaultPlan.none());
		jar = new JarProcesses(temp);
		EventsFixture.cli(repository("status")); // creates the job repository's tables,
													// for the trigger
	}

	@AfterEach
	void tearDown() {
		proxy.close();
	}

	@Test
	void runKilledWhileStarting_isCrashed_andRestartRecoversAndCompletesIt() throws Exception {
		Path mapping = EventsFixture.write(temp.resolve("events.yml"),
				EventsFixture.mapping(MAPPING, SCHEMA, "events", CHUNK, ""));
		Process run;
		long execution;
		try (StartingHold hold = new StartingHold()) {
			run = jar.start("run.log", command("run", mapping));
			execution = hold.killWhileStarting(run, "run.log");
		}

		Run status = EventsFixture.cli(repository("status", MAPPING));
		assertThat(status.output()).contains("execution " + execution + ": STARTING (its process is gone: crashed")
			.contains("ran in process " + run.pid() + " on ");

		Run restart = EventsFixture.cli(command("restart", mapping).toArray(String[]::new));
		assertThat(restart.exitCode()).as(restart.output()).isEqualTo(ExitCodes.SUCCESS);
		assertThat(restart.output()).contains("Restarting execution " + execution + " (FAILED)");
		EventsFixture.assertTargetEquals(EventsFixture.expected(ROWS));
	}

	@Test
	void restartKilledWhileStarting_showsItsOwnProcess_notTheOneOfTheExecutionItRestarts() throws Exception {
		Path mapping = EventsFixture.write(temp.resolve("events.yml"),
				EventsFixture.mapping(MAPPING, SCHEMA, "events", CHUNK, ""));
		proxy.plan(FaultPlan.builder().delay(Duration.ofMillis(20)).build());
		Process run = jar.start("run.log", command("run", mapping));
		jar.killWhen(run, () -> proxy.forwardedWrites() >= 1_000, "run.log");
		Process restart;
		long execution;
		try (StartingHold hold = new StartingHold()) {
			restart = jar.start("restart.log", command("restart", mapping));
			execution = hold.killWhileStarting(restart, "restart.log");
		}

		Run status = EventsFixture.cli(repository("status", MAPPING, "--limit", "1"));
		assertThat(status.output()).contains("execution " + execution + ": STARTING (its process is gone: crashed")
			.contains("ran in process " + restart.pid() + " on ")
			.doesNotContain("process " + run.pid());
	}

	/** The jar's command line against the proxy and the job repository. */
	private List<String> command(String command, Path mapping) {
		List<String> args = new ArrayList<>(
				List.of(command, mapping.toString(), "--endpoint-url", proxy.endpoint().toString()));
		args.addAll(List.of(repository()));
		return args;
	}

	private String[] repository(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--repository-url", Postgres.url(REPOSITORY), "--repository-user", Postgres.USER,
				"--state-dir", temp.resolve("state").toString()));
		return all.toArray(String[]::new);
	}

	/**
	 * While open, holds every execution that leaves {@code STARTING} at its first update
	 * (a trigger waits for an advisory lock this connection holds); closing drops the
	 * trigger and lets the held update go on.
	 */
	private final class StartingHold implements AutoCloseable {

		private final Connection connection;

		StartingHold() throws SQLException {
			connection = Postgres.connect(REPOSITORY);
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE OR REPLACE FUNCTION hold_starting() RETURNS trigger LANGUAGE plpgsql AS "
						+ "$$ BEGIN PERFORM pg_advisory_xact_lock(" + HOLD + "); RETURN NEW; END $$");
				statement.execute("CREATE TRIGGER hold_starting BEFORE UPDATE ON batch_job_execution FOR EACH ROW "
						+ "WHEN (OLD.status = 'STARTING') EXECUTE FUNCTION hold_starting()");
				statement.execute("SELECT pg_advisory_lock(" + HOLD + ")");
			}
		}

		/**
		 * Kills the process once its execution waits in {@code STARTING}; returns the
		 * execution's id.
		 */
		long killWhileStarting(Process process, String logName) throws Exception {
			jar.killWhen(process, this::someoneWaits, logName);
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement
						.executeQuery("SELECT job_execution_id FROM batch_job_execution WHERE status = 'STARTING'")) {
				assertThat(rows.next()).as("an execution is STARTING").isTrue();
				return rows.getLong(1);
			}
		}

		private boolean someoneWaits() {
			try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM pg_locks "
					+ "WHERE locktype = 'advisory' AND NOT granted AND classid::bigint = 0 AND objid::bigint = ?")) {
				query.setLong(1, HOLD);
				try (ResultSet rows = query.executeQuery()) {
					return rows.next() && rows.getLong(1) > 0;
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public void close() throws SQLException {
			try (connection; Statement statement = connection.createStatement()) {
				statement.execute("SELECT pg_advisory_unlock(" + HOLD + ")");
				statement.execute("DROP TRIGGER hold_starting ON batch_job_execution");
			}
		}

	}

}
