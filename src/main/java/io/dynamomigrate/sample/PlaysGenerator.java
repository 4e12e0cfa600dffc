package io.dynamomigrate.sample;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.LongConsumer;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Appends deterministic rows to the {@code plays} table of a loaded sample database, for
 * benchmarks and large-volume tests (millions of rows).
 *
 * <p>
 * <b>Determinism.</b> New rows continue after the current {@code MAX(play_id)}; every
 * value of a row is a function of its {@code play_id} and of the users and tracks in the
 * database, so on the sample data the same number of rows gives the same rows, whether
 * generated at once or in several calls, on PostgreSQL, MariaDB or H2. The 30,000 seed
 * plays follow the same rule. Referenced users and tracks always exist; played-at times
 * fall in 2024 and 2025.
 *
 * <p>
 * <b>Speed.</b> On PostgreSQL rows stream through {@code COPY plays FROM STDIN} in
 * batches of {@value #BATCH_ROWS} rows (memory stays bounded whatever the count; well
 * over 100k rows/s). Other databases get JDBC batch inserts of {@value #JDBC_BATCH_SIZE}
 * rows: about 170k rows/s on MariaDB 10.11 with MariaDB Connector/J, much slower on H2.
 *
 * <p>
 * <b>Transactions.</b> Each batch is one statement (PostgreSQL) or one JDBC batch group;
 * with auto-commit on, each commits on its own, so an interrupted run leaves whole
 * batches behind and a later call simply continues after them. With auto-commit off,
 * committing is the caller's job.
 *
 * <p>
 * Stateless and thread-safe; a {@link Connection} must not be shared between concurrent
 * calls.
 */
public final class PlaysGenerator {

	/** Rows per {@code COPY} statement and between progress callbacks. */
	public static final int BATCH_ROWS = 100_000;

	private static final String COPY_SQL = "COPY plays (play_id, user_id, track_id, played_at, ms_played, device, completed) FROM STDIN";

	private static final String INSERT_SQL = "INSERT INTO plays (play_id, user_id, track_id, played_at, ms_played, device, completed) VALUES (?, ?, ?, ?, ?, ?, ?)";

	private static final int JDBC_BATCH_SIZE = 1_000;

	private static final int COPY_BUFFER_CHARS = 64 * 1024;

	private PlaysGenerator() {
	}

	/**
	 * Appends {@code rows} plays.
	 * @param connection a connection to a database that holds the sample schema and seed
	 * data
	 * @param rows how many rows to add (zero or more)
	 * @return the number of rows inserted
	 * @throws SQLException if the database refuses the rows
	 */
	public static long generate(Connection connection, long rows) throws SQLException {
		return generate(connection, rows, (done) -> {
		});
	}

	/**
	 * Appends {@code rows} plays, reporting progress.
	 * @param connection a connection to a database that holds the sample schema and seed
	 * data
	 * @param rows how many rows to add (zero or more)
	 * @param progress called with the cumulative number of rows inserted after every
	 * batch
	 * @return the number of rows inserted
	 * @throws SQLException if the database refuses the rows
	 */
	public static long generate(Connection connection, long rows, LongConsumer progress) throws SQLException {
		if (rows < 0) {
			throw new IllegalArgumentException("The number of rows must not be negative, was " + rows);
		}
		SampleDialect dialect = SampleDialect.fromProductName(connection.getMetaData().getDatabaseProductName());
		PlayCatalog catalog = PlayCatalog.load(connection);
		long firstId = maxPlayId(connection) + 1;
		if (dialect == SampleDialect.POSTGRES) {
			copy(connection, catalog, firstId, rows, progress);
		}
		else {
			insert(connection, catalog, firstId, rows, progress);
		}
		return rows;
	}

	private static long maxPlayId(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(play_id), 0) FROM plays")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static void copy(Connection connection, PlayCatalog catalog, long firstId, long rows, LongConsumer progress)
			throws SQLException {
		org.postgresql.copy.CopyManager copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
		StringBuilder buffer = new StringBuilder(COPY_BUFFER_CHARS + 256);
		long done = 0;
		while (done < rows) {
			long batch = Math.min(BATCH_ROWS, rows - done);
			CopyIn copyIn = copyManager.copyIn(COPY_SQL);
			try {
				for (long i = 0; i < batch; i++) {
					appendCopyRow(buffer, catalog.play(firstId + done + i));
					if (buffer.length() >= COPY_BUFFER_CHARS) {
						write(copyIn, buffer);
					}
				}
				write(copyIn, buffer);
				copyIn.endCopy();
			}
			finally {
				if (copyIn.isActive()) {
					copyIn.cancelCopy();
				}
			}
			done += batch;
			progress.accept(done);
		}
	}

	private static void write(CopyIn copyIn, StringBuilder buffer) throws SQLException {
		byte[] bytes = buffer.toString().getBytes(StandardCharsets.US_ASCII);
		copyIn.writeToCopy(bytes, 0, bytes.length);
		buffer.setLength(0);
	}

	/**
	 * One line of COPY text format; every value is plain ASCII, nothing needs escaping.
	 */
	static void appendCopyRow(StringBuilder line, PlayCatalog.Play play) {
		line.append(play.playId()).append('\t').append(play.userId()).append('\t').append(play.trackId()).append('\t');
		appendTimestamp(line, play.playedAt());
		line.append('\t')
			.append(play.msPlayed())
			.append('\t')
			.append(play.device())
			.append('\t')
			.append(play.completed() ? 't' : 'f')
			.append('\n');
	}

	private static void appendTimestamp(StringBuilder line, long epochSecond) {
		LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, 86_400L));
		int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
		line.append(date.getYear()).append('-');
		pad2(line, date.getMonthValue()).append('-');
		pad2(line, date.getDayOfMonth()).append(' ');
		pad2(line, secondOfDay / 3600).append(':');
		pad2(line, secondOfDay / 60 % 60).append(':');
		pad2(line, secondOfDay % 60);
	}

	private static StringBuilder pad2(StringBuilder line, int value) {
		return line.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
	}

	private static void insert(Connection connection, PlayCatalog catalog, long firstId, long rows,
			LongConsumer progress) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(INSERT_SQL)) {
			for (long i = 0; i < rows; i++) {
				PlayCatalog.Play play = catalog.play(firstId + i);
				insert.setLong(1, play.playId());
				insert.setInt(2, play.userId());
				insert.setInt(3, play.trackId());
				insert.setObject(4, LocalDateTime.ofEpochSecond(play.playedAt(), 0, ZoneOffset.UTC));
				insert.setInt(5, play.msPlayed());
				insert.setString(6, play.device());
				insert.setBoolean(7, play.completed());
				insert.addBatch();
				long done = i + 1;
				if (done % JDBC_BATCH_SIZE == 0 || done == rows) {
					insert.executeBatch();
				}
				if (done % BATCH_ROWS == 0 || done == rows) {
					progress.accept(done);
				}
			}
		}
	}

}
