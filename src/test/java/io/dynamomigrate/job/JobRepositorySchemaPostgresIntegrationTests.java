package io.dynamomigrate.job;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.dynamomigrate.testing.Postgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JobRepositorySchema} on PostgreSQL when several processes start together on a
 * new repository (a manager and its workers): PostgreSQL fails all but one of concurrent
 * {@code CREATE TABLE}s of one name, and none of the processes may fail for it.
 */
class JobRepositorySchemaPostgresIntegrationTests {

	private static final String SCHEMA = "dm_it_schema_race";

	private static final int PROCESSES = 4;

	@AfterEach
	void dropSchema() throws SQLException {
		Postgres.dropSchema(SCHEMA);
	}

	@Test
	void processesPreparingANewRepositoryAtOnce_allSucceed_andTheTablesExist() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(PROCESSES);
		try {
			for (int round = 0; round < 10; round++) {
				Postgres.recreateSchema(SCHEMA);
				CyclicBarrier start = new CyclicBarrier(PROCESSES);
				List<Future<?>> processes = new ArrayList<>();
				for (int i = 0; i < PROCESSES; i++) {
					processes.add(threads.submit(() -> {
						DriverManagerDataSource repository = new DriverManagerDataSource(Postgres.url(SCHEMA));
						repository.setUsername(Postgres.USER);
						start.await();
						JobRepositorySchema.ensure(repository);
						return null;
					}));
				}
				for (Future<?> process : processes) {
					process.get(60, TimeUnit.SECONDS); // throws what ensure threw
				}
				try (Connection c = Postgres.connect(SCHEMA)) {
					assertThat(JobRepositorySchema.exists(c, "BATCH_JOB_INSTANCE")).as("round %d", round).isTrue();
					assertThat(JobRepositorySchema.exists(c, "DM_RUN_LEASE")).as("round %d", round).isTrue();
				}
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

}
