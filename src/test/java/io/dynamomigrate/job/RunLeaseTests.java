package io.dynamomigrate.job;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link RunLease} on H2 (taking, refusing, giving back, expiry, dead holders, forcing,
 * losing); {@link RunLeasePostgresIntegrationTests} has the same on PostgreSQL (taking
 * and refusing, and processes racing for it).
 */
class RunLeaseTests {

	private static final Duration LONG_TTL = Duration.ofMinutes(10);

	private static final DriverManagerDataSource h2 = new DriverManagerDataSource(
			"jdbc:h2:mem:lease;DB_CLOSE_DELAY=-1");

	private final JdbcTemplate jdbc = new JdbcTemplate(h2);

	private final List<RunLease> leases = new ArrayList<>();

	@BeforeAll
	static void createTables() {
		JobRepositorySchema.ensure(h2);
	}

	@BeforeEach
	void noLeases() {
		jdbc.update("DELETE FROM DM_RUN_LEASE");
	}

	@AfterEach
	void giveBack() {
		leases.forEach(RunLease::close);
	}

	private RunLease.Acquisition acquire(String mapping, Duration ttl, boolean force) {
		RunLease.Acquisition acquisition = RunLease.acquire(h2, mapping, ttl, force);
		if (acquisition.taken()) {
			leases.add(acquisition.lease());
		}
		return acquisition;
	}

	private String owner(String mapping) {
		return jdbc.queryForObject("SELECT OWNER FROM DM_RUN_LEASE WHERE MAPPING = ?", String.class, mapping);
	}

	private static String thisProcess() {
		ExecutionOwner current = ExecutionOwner.current();
		return "process " + current.pid() + " on " + current.host();
	}

	@Test
	void firstAcquire_takesTheLease_ownedByThisProcess() {
		RunLease.Acquisition acquisition = acquire("shop", LONG_TTL, false);

		assertThat(acquisition.taken()).isTrue();
		assertThat(acquisition.holder()).isNull();
		ExecutionOwner current = ExecutionOwner.current();
		assertThat(owner("shop")).startsWith(current.host() + " " + current.pid() + " ");
	}

	@Test
	void secondAcquire_ofTheSameMapping_isRefused_namingTheHolder() {
		RunLease first = acquire("shop", LONG_TTL, false).lease();

		RunLease.Acquisition second = acquire("shop", LONG_TTL, false);

		assertThat(second.taken()).isFalse();
		assertThat(second.lease()).isNull();
		assertThat(second.holder()).isEqualTo(thisProcess());
		assertThat(first.lost()).isFalse();
	}

	@Test
	void anotherMapping_isIndependent() {
		acquire("shop", LONG_TTL, false);

		assertThat(acquire("catalog", LONG_TTL, false).taken()).isTrue();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DM_RUN_LEASE", Integer.class)).isEqualTo(2);
	}

	@Test
	void close_givesTheLeaseBack_soItCanBeTakenAgain() {
		RunLease first = acquire("shop", LONG_TTL, false).lease();

		first.close();

		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DM_RUN_LEASE", Integer.class)).isZero();
		assertThat(acquire("shop", LONG_TTL, false).taken()).isTrue();
	}

	@Test
	void leaseNotRenewedWithinTheTtl_isTakenOver() {
		RunLease first = acquire("shop", LONG_TTL, false).lease();
		String firstOwner = owner("shop");
		jdbc.update("UPDATE DM_RUN_LEASE SET RENEWED = TIMESTAMP '2000-01-01 00:00:00' WHERE MAPPING = 'shop'");

		RunLease.Acquisition second = acquire("shop", Duration.ofMillis(300), false);

		assertThat(second.taken()).isTrue();
		assertThat(owner("shop")).isNotEqualTo(firstOwner);
		assertThat(jdbc.queryForObject("SELECT RENEWED FROM DM_RUN_LEASE WHERE MAPPING = 'shop'", Timestamp.class))
			.isAfter(Timestamp.valueOf("2020-01-01 00:00:00"));
		first.close();
		assertThat(owner("shop")).as("closing the lost lease leaves the new holder's row").isNotEqualTo(firstOwner);
	}

	@Test
	void leaseRenewedWithinTheTtl_isRefused() {
		acquire("shop", LONG_TTL, false);
		jdbc.update("UPDATE DM_RUN_LEASE SET RENEWED = DATEADD('SECOND', -30, CURRENT_TIMESTAMP) "
				+ "WHERE MAPPING = 'shop'");

		assertThat(acquire("shop", Duration.ofMinutes(1), false).taken()).isFalse();
	}

	@Test
	void leaseOfAProcessOfThisHostThatIsGone_isTakenOverAtOnce() {
		String dead = ExecutionOwner.current().host() + " 999999999 " + UUID.randomUUID();
		jdbc.update("INSERT INTO DM_RUN_LEASE (MAPPING, OWNER, RENEWED) VALUES ('shop', ?, CURRENT_TIMESTAMP)", dead);

		RunLease.Acquisition acquisition = acquire("shop", LONG_TTL, false);

		assertThat(acquisition.taken()).isTrue();
		assertThat(owner("shop")).isNotEqualTo(dead);
	}

	@Test
	void leaseOfAProcessOfAnotherHost_isRefusedWhileFresh_namingItsHolder() {
		jdbc.update("INSERT INTO DM_RUN_LEASE (MAPPING, OWNER, RENEWED) VALUES ('shop', ?, CURRENT_TIMESTAMP)",
				"elsewhere 999999999 " + UUID.randomUUID());

		RunLease.Acquisition acquisition = acquire("shop", LONG_TTL, false);

		assertThat(acquisition.taken()).isFalse();
		assertThat(acquisition.holder()).isEqualTo("process 999999999 on elsewhere");
	}

	@Test
	void force_takesOverALiveHolder() {
		RunLease first = acquire("shop", LONG_TTL, false).lease();
		String firstOwner = owner("shop");

		RunLease.Acquisition forced = acquire("shop", LONG_TTL, true);

		assertThat(forced.taken()).isTrue();
		assertThat(owner("shop")).isNotEqualTo(firstOwner);
	}

	@Test
	void lost_becomesTrue_whenAnotherProcessTookTheLeaseOver_afterARenewalPeriod() {
		RunLease lease = acquire("shop", Duration.ofMillis(300), false).lease();
		assertThat(lease.lost()).isFalse();

		jdbc.update("UPDATE DM_RUN_LEASE SET OWNER = ? WHERE MAPPING = 'shop'", "elsewhere 42 " + UUID.randomUUID());

		await().atMost(5, TimeUnit.SECONDS).until(lease::lost);
		lease.close();
		assertThat(owner("shop")).as("the new holder keeps its lease").startsWith("elsewhere 42 ");
	}

	@Test
	void holderWithATinyTtl_keepsItsLeaseByRenewingIt() throws InterruptedException {
		RunLease lease = acquire("shop", Duration.ofMillis(300), false).lease();

		Thread.sleep(1_000);

		assertThat(lease.lost()).isFalse();
		assertThat(acquire("shop", Duration.ofMillis(300), false).taken()).isFalse();
	}

}
