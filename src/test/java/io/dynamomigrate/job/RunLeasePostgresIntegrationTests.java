package io.dynamomigrate.job;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.dynamomigrate.testing.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link RunLease} against PostgreSQL, where the primary key and row locks decide between
 * racing processes: taking and refusing, and processes racing for it
 * ({@link RunLeaseTests} has the rest on H2).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunLeasePostgresIntegrationTests {

	private static final Duration LONG_TTL = Duration.ofMinutes(10);

	private static String thisProcess() {
		ExecutionOwner current = ExecutionOwner.current();
		return "process " + current.pid() + " on " + current.host();
	}

	private static final String SCHEMA = "dm_ut_lease";

	private final DriverManagerDataSource postgres = new DriverManagerDataSource();

	@BeforeAll
	void createSchema() throws SQLException {
		Postgres.recreateSchema(SCHEMA);
		postgres.setUrl(Postgres.url(SCHEMA));
		postgres.setUsername(Postgres.USER);
		JobRepositorySchema.ensure(postgres);
	}

	@AfterAll
	void dropSchema() throws SQLException {
		Postgres.dropSchema(SCHEMA);
	}

	@Test
	void firstAcquire_isTaken_secondIsRefusedNamingTheHolder_andCloseGivesItBack() {
		RunLease.Acquisition first = RunLease.acquire(postgres, "shop", LONG_TTL, false);
		try {
			assertThat(first.taken()).isTrue();
			RunLease.Acquisition second = RunLease.acquire(postgres, "shop", LONG_TTL, false);
			assertThat(second.taken()).isFalse();
			assertThat(second.holder()).isEqualTo(thisProcess());
		}
		finally {
			first.lease().close();
		}
		RunLease.Acquisition again = RunLease.acquire(postgres, "shop", LONG_TTL, false);
		assertThat(again.taken()).isTrue();
		again.lease().close();
	}

	@Test
	void twoThreadsRacing_exactlyOneWinsEachRound_andTheLoserNamesTheWinner() throws Exception {
		race(() -> {
		}, true);
	}

	@Test
	void twoThreadsRacingForAnExpiredLease_exactlyOneTakesItOverEachRound() throws Exception {
		race(this::expiredLeaseOfAnotherHost, false);
	}

	@Test
	void twoThreadsRacingForAnExpiredLease_theLoserNamesTheWinner() throws Exception {
		race(this::expiredLeaseOfAnotherHost, true);
	}

	private void expiredLeaseOfAnotherHost() {
		new JdbcTemplate(postgres).update("INSERT INTO DM_RUN_LEASE (MAPPING, OWNER, RENEWED) VALUES ('race', ?, "
				+ "TIMESTAMP '2000-01-01 00:00:00')", "elsewhere 42 " + UUID.randomUUID());
	}

	private void race(Runnable beforeEachRound, boolean loserNamesTheWinner) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 20; round++) {
				beforeEachRound.run();
				CyclicBarrier start = new CyclicBarrier(2);
				List<Future<RunLease.Acquisition>> racers = new ArrayList<>();
				for (int i = 0; i < 2; i++) {
					racers.add(threads.submit(() -> {
						start.await();
						return RunLease.acquire(postgres, "race", LONG_TTL, false);
					}));
				}
				List<RunLease.Acquisition> outcomes = new ArrayList<>();
				for (Future<RunLease.Acquisition> racer : racers) {
					outcomes.add(racer.get(30, TimeUnit.SECONDS));
				}
				try {
					assertThat(outcomes).as("round %d", round).filteredOn(RunLease.Acquisition::taken).hasSize(1);
					if (loserNamesTheWinner) {
						assertThat(outcomes).as("round %d", round)
							.filteredOn((outcome) -> !outcome.taken())
							.extracting(RunLease.Acquisition::holder)
							.containsExactly(thisProcess());
					}
				}
				finally {
					outcomes.stream().filter(RunLease.Acquisition::taken).forEach((won) -> won.lease().close());
				}
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

}
