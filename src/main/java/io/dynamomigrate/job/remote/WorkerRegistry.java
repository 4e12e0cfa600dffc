package io.dynamomigrate.job.remote;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import io.dynamomigrate.job.ExecutionOwner;
import io.dynamomigrate.job.JobRepositorySchema;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The workers of a queue, in the job repository's table {@code DM_WORKER}: each live
 * worker has a row whose {@code HEARTBEAT} it renews every {@link #BEAT}, and deletes
 * when it stops. A worker killed with {@code kill -9} (or a lost machine) leaves its row
 * without new beats: the manager reads how long each worker has been silent, measured on
 * the database's clock (no clock of two machines is compared). Thread-safe.
 */
public final class WorkerRegistry implements AutoCloseable {

	/** How often a worker renews its heartbeat. */
	public static final Duration BEAT = Duration.ofSeconds(1);

	/**
	 * A worker that has not beaten for this long no longer counts among the writers of an
	 * execution: the others take up its share of the write budget.
	 */
	static final Duration SHARE_LIVENESS = Duration.ofSeconds(3);

	static final String TABLE = "DM_WORKER";

	/** Step execution context key: the worker that runs a partition. */
	static final String WORKER = "dynamo-migrate.worker.id";

	private static final Logger logger = LoggerFactory.getLogger(WorkerRegistry.class);

	private final JdbcTemplate jdbc;

	private final String id;

	private final String queue;

	private final @Nullable ScheduledExecutorService beats;

	private WorkerRegistry(JdbcTemplate jdbc, String id, String queue, @Nullable ScheduledExecutorService beats) {
		this.jdbc = jdbc;
		this.id = id;
		this.queue = queue;
		this.beats = beats;
	}

	/** The registry, read-only (a manager), creating its table when missing. */
	public static WorkerRegistry reader(DataSource repository) {
		JdbcTemplate jdbc = new JdbcTemplate(repository);
		ensureTable(jdbc);
		return new WorkerRegistry(jdbc, "", "", null);
	}

	/** Registers this process as a worker of the queue and beats until closed. */
	public static WorkerRegistry register(DataSource repository, String queue) {
		JdbcTemplate jdbc = new JdbcTemplate(repository);
		ensureTable(jdbc);
		ExecutionOwner self = ExecutionOwner.current();
		String id = self.host() + ":" + self.pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.update(
				"INSERT INTO " + TABLE + " (ID, HOST, PID, QUEUE_NAME, STARTED, HEARTBEAT) "
						+ "VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
				id, self.host(), self.pid(), queue);
		ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "worker-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		WorkerRegistry registry = new WorkerRegistry(jdbc, id, queue, beats);
		beats.scheduleWithFixedDelay(registry::beat, BEAT.toMillis(), BEAT.toMillis(), TimeUnit.MILLISECONDS);
		logger.info("Worker registered [id={}, queue={}]", id, queue);
		return registry;
	}

	private static void ensureTable(JdbcTemplate jdbc) {
		jdbc.execute((Connection c) -> {
			JobRepositorySchema.createTableIfMissing(c, TABLE,
					"ID VARCHAR(300) NOT NULL PRIMARY KEY, "
							+ "HOST VARCHAR(255) NOT NULL, PID BIGINT NOT NULL, QUEUE_NAME VARCHAR(255) NOT NULL, "
							+ "STARTED TIMESTAMP NOT NULL, HEARTBEAT TIMESTAMP NOT NULL, EXECUTION_ID BIGINT, "
							+ "WRITE_SHARE DOUBLE PRECISION DEFAULT 0 NOT NULL");
			return null;
		});
	}

	/** This worker's id ({@code host:pid:random}); empty for a reader. */
	public String id() {
		return id;
	}

	private void beat() {
		try {
			int rows = jdbc.update("UPDATE " + TABLE + " SET HEARTBEAT = CURRENT_TIMESTAMP WHERE ID = ?", id);
			if (rows == 0) { // a manager or an operator removed it: register again
				ExecutionOwner self = ExecutionOwner.current();
				jdbc.update(
						"INSERT INTO " + TABLE + " (ID, HOST, PID, QUEUE_NAME, STARTED, HEARTBEAT) "
								+ "VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
						id, self.host(), self.pid(), queue);
			}
		}
		catch (DataAccessException ex) {
			logger.warn("Cannot renew the worker's heartbeat [id={}]: {}", id, ex.getMessage());
		}
	}

	/**
	 * How long each registered worker has been silent, by worker id, on the database's
	 * clock.
	 */
	public Map<String, Duration> silence() {
		Map<String, Duration> silence = new LinkedHashMap<>();
		jdbc.query("SELECT ID, HEARTBEAT, CURRENT_TIMESTAMP AS NOW_ FROM " + TABLE, (row) -> {
			Timestamp beat = row.getTimestamp(2);
			Timestamp now = row.getTimestamp(3);
			silence.put(row.getString(1), Duration.ofMillis(Math.max(0, now.getTime() - beat.getTime())));
		});
		return silence;
	}

	/** How many workers of a queue beat within the given time. */
	public int live(String queue, Duration timeout) {
		Integer count = jdbc.queryForObject(
				"SELECT COUNT(*) FROM " + TABLE + " WHERE QUEUE_NAME = ? AND HEARTBEAT >= ?", Integer.class, queue,
				new Timestamp(now() - timeout.toMillis()));
		return count != null ? count : 0;
	}

	private long now() {
		Timestamp now = jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", Timestamp.class);
		return now != null ? now.getTime() : System.currentTimeMillis();
	}

	/**
	 * Records that this worker writes for the execution (it runs a partition of it), or
	 * for none ({@code null}).
	 */
	void writesFor(@Nullable Long executionId) {
		jdbc.update("UPDATE " + TABLE + " SET EXECUTION_ID = ?, WRITE_SHARE = 0 WHERE ID = ?", executionId, id);
	}

	/** Records the share of the write budget this worker uses now. */
	void share(double fraction) {
		jdbc.update("UPDATE " + TABLE + " SET WRITE_SHARE = ? WHERE ID = ?", fraction, id);
	}

	/**
	 * The shares of the budget that the other live workers writing for the execution use,
	 * added up.
	 */
	double othersShare(long executionId) {
		Double sum = jdbc.queryForObject(
				"SELECT COALESCE(SUM(WRITE_SHARE), 0) FROM " + TABLE
						+ " WHERE EXECUTION_ID = ? AND ID <> ? AND HEARTBEAT >= ?",
				Double.class, executionId, id, new Timestamp(now() - SHARE_LIVENESS.toMillis()));
		return sum != null ? sum : 0;
	}

	/**
	 * How many live workers write for the execution ({@link #writesFor}), this one
	 * included when it does.
	 */
	int writers(long executionId) {
		Integer count = jdbc.queryForObject(
				"SELECT COUNT(*) FROM " + TABLE + " WHERE EXECUTION_ID = ? AND HEARTBEAT >= ?", Integer.class,
				executionId, new Timestamp(now() - SHARE_LIVENESS.toMillis()));
		return count != null ? count : 0;
	}

	/** Stops beating and removes this worker's row. */
	@Override
	public void close() {
		if (beats != null) {
			beats.shutdownNow();
			try {
				jdbc.update("DELETE FROM " + TABLE + " WHERE ID = ?", id);
			}
			catch (DataAccessException ex) {
				logger.warn("Cannot remove the worker's row [id={}]: {}", id, ex.getMessage());
			}
		}
	}

}
