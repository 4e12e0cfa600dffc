package io.dynamomigrate.fleet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

import io.dynamomigrate.job.JobRepositorySchema;
import io.dynamomigrate.job.MigrationRunner;
import org.jspecify.annotations.Nullable;

/**
 * What the job repository knows about a fleet's entries, read with one query for the
 * whole fleet, and what a fleet run adds to it: in {@code DM_FLEET_ENTRY}, per entry job,
 * the state of its latest attempt and the root cause of a failure, also of one that
 * failed before its job could start (a source that cannot be opened). The entries' jobs
 * themselves are Spring Batch's. Thread-safe.
 */
final class FleetLedger {

	private static final String TABLE = "DM_FLEET_ENTRY";

	/**
	 * The latest execution of every entry job, its checksum and its counts over the job
	 * instance. The parameters are filtered in a derived table: joined directly, an
	 * unanalysed PostgreSQL repository (no index on the parameters' execution id) was
	 * scanned once per entry (2 s for 5,000 entries instead of 30 ms).
	 */
	private static final String STATUS = """
			SELECT f.JOB_NAME, f.STATE, f.FAILURE, f.EXECUTION_ID, f.UPDATED, e.JOB_EXECUTION_ID, e.STATUS,
			       e.START_TIME, e.END_TIME, p.PARAMETER_VALUE, s.READ_N, s.WRITTEN_N, s.REJECTED_N, s.FILTERED_N
			FROM DM_FLEET_ENTRY f
			LEFT JOIN (SELECT i.JOB_NAME, MAX(x.JOB_EXECUTION_ID) AS LAST_ID
			           FROM BATCH_JOB_INSTANCE i JOIN BATCH_JOB_EXECUTION x ON x.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID
			           WHERE i.JOB_NAME LIKE ? GROUP BY i.JOB_NAME) l ON l.JOB_NAME = f.JOB_NAME
			LEFT JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = l.LAST_ID
			LEFT JOIN (SELECT JOB_EXECUTION_ID, MAX(PARAMETER_VALUE) AS PARAMETER_VALUE
			           FROM BATCH_JOB_EXECUTION_PARAMS WHERE PARAMETER_NAME = '%s'
			           GROUP BY JOB_EXECUTION_ID) p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
			LEFT JOIN (SELECT x.JOB_INSTANCE_ID, SUM(t.READ_COUNT + t.READ_SKIP_COUNT) AS READ_N,
			                  SUM(t.WRITE_COUNT) AS WRITTEN_N,
			                  SUM(t.READ_SKIP_COUNT + t.PROCESS_SKIP_COUNT + t.WRITE_SKIP_COUNT) AS REJECTED_N,
			                  SUM(t.FILTER_COUNT) AS FILTERED_N
			           FROM BATCH_STEP_EXECUTION t JOIN BATCH_JOB_EXECUTION x ON x.JOB_EXECUTION_ID = t.JOB_EXECUTION_ID
			           JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = x.JOB_INSTANCE_ID
			           WHERE i.JOB_NAME LIKE ? AND t.STEP_NAME NOT LIKE '%%:partition%%'
			           GROUP BY x.JOB_INSTANCE_ID) s ON s.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
			WHERE f.JOB_NAME LIKE ?
			""".formatted(MigrationRunner.CHECKSUM);

	private final DataSource repository;

	private FleetLedger(DataSource repository) {
		this.repository = repository;
	}

	/** The ledger in this job repository, creating its table when missing. */
	static FleetLedger in(DataSource repository) {
		try (Connection connection = repository.getConnection()) {
			JobRepositorySchema.createTableIfMissing(connection, TABLE,
					"JOB_NAME VARCHAR(100) NOT NULL PRIMARY KEY, STATE VARCHAR(20) NOT NULL, "
							+ "FAILURE VARCHAR(1000), EXECUTION_ID BIGINT, UPDATED TIMESTAMP NOT NULL");
			return new FleetLedger(repository);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Cannot prepare the fleet table " + TABLE + " in the job repository: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Records the state of an entry's latest attempt.
	 * @param execution the job execution it ended with, or null when none started
	 * @param failure the root cause, or null
	 */
	void record(String jobName, String state, @Nullable Long execution, @Nullable String failure) {
		String cause = failure == null || failure.length() <= 1000 ? failure : failure.substring(0, 999) + "…";
		Timestamp now = Timestamp.valueOf(LocalDateTime.now());
		try (Connection connection = repository.getConnection();
				PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE
						+ " SET STATE = ?, FAILURE = ?, EXECUTION_ID = ?, UPDATED = ? WHERE JOB_NAME = ?")) {
			update.setString(1, state);
			update.setString(2, cause);
			update.setObject(3, execution);
			update.setTimestamp(4, now);
			update.setString(5, jobName);
			if (update.executeUpdate() == 0) {
				try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
						+ " (STATE, FAILURE, EXECUTION_ID, UPDATED, JOB_NAME) VALUES (?, ?, ?, ?, ?)")) {
					insert.setString(1, state);
					insert.setString(2, cause);
					insert.setObject(3, execution);
					insert.setTimestamp(4, now);
					insert.setString(5, jobName);
					insert.executeUpdate();
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot record entry " + jobName + " in " + TABLE + ": " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * The state of every entry of the fleet that was ever attempted, by job name: one
	 * query.
	 */
	Map<String, EntryStatus> status(String jobPrefix) {
		String like = jobPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		Map<String, EntryStatus> entries = new LinkedHashMap<>();
		try (Connection connection = repository.getConnection();
				PreparedStatement query = connection.prepareStatement(STATUS)) {
			query.setFetchSize(1000);
			for (int i = 1; i <= 3; i++) {
				query.setString(i, like);
			}
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					EntryStatus status = status(rows);
					entries.put(status.jobName(), status);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Cannot read the fleet's entries from the job repository: " + ex.getMessage(), ex);
		}
		return entries;
	}

	private static EntryStatus status(ResultSet row) throws SQLException {
		String jobName = row.getString(1);
		String attempt = row.getString(2);
		String failure = row.getString(3);
		long attemptExecution = row.getLong(4);
		boolean attemptHasExecution = !row.wasNull();
		LocalDateTime updated = row.getTimestamp(5).toLocalDateTime();
		long execution = row.getLong(6);
		boolean hasExecution = !row.wasNull();
		LocalDateTime start = time(row.getTimestamp(8));
		LocalDateTime end = time(row.getTimestamp(9));
		String state;
		if (!hasExecution) {
			state = attempt;
		}
		else if (attemptHasExecution && attemptExecution == execution) {
			state = row.getString(7);
		}
		else if ("FAILED".equals(attempt) && !attemptHasExecution && start != null && !updated.isBefore(start)) {
			state = attempt; // failed before its job could start, after the execution
								// shown
		}
		else {
			state = row.getString(7); // the attempt recorded is not this execution's
			failure = null;
		}
		Duration duration = start == null ? Duration.ZERO
				: Duration.between(start, end != null ? end : LocalDateTime.now());
		return new EntryStatus(jobName, state, hasExecution ? execution : null, row.getString(10), row.getLong(11),
				row.getLong(12), row.getLong(13), row.getLong(14), duration, failure);
	}

	private static @Nullable LocalDateTime time(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toLocalDateTime();
	}

}
