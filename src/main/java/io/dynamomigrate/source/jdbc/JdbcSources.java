package io.dynamomigrate.source.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dynamomigrate.mapping.model.ConnectionSpec;
import io.dynamomigrate.mapping.model.Secret;
import io.dynamomigrate.mapping.model.SourceSpec;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Opens connection pools to source databases and builds the SQL that reads a source.
 * Thread-safe.
 */
public final class JdbcSources {

	private JdbcSources() {
	}

	/**
	 * A read-only pool for the source, after running its {@code init} scripts (in-memory
	 * H2 databases only, see {@link ConnectionSpec#initAllowed}). Every connection is
	 * read-only and not in auto-commit, so that every statement runs in a transaction the
	 * driver opens read-only: PostgreSQL's driver starts each one with
	 * {@code BEGIN READ ONLY}, which no function called from a {@code where} or
	 * {@code query} can turn read-write (the server refuses
	 * {@code transaction_read_only = off} once the transaction has run a query, and a
	 * changed session default does not apply to the next {@code BEGIN READ ONLY}). Other
	 * drivers may take read-only as a hint only: a read-only database user is what
	 * guarantees it (README, Security). Nothing is ever committed; a connection's
	 * transaction is rolled back when it goes back to the pool.
	 * @throws SourceUnavailableException when the database cannot be reached
	 */
	public static HikariDataSource open(ConnectionSpec connection, int poolSize) {
		if (connection.url().isEmpty()) { // a mapping whose items all read files has no
											// database
			return new HikariDataSource(); // never connects: nothing asks it for a
											// connection
		}
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(connection.url());
		config.setUsername(connection.user());
		if (connection.password() != null) {
			config.setPassword(connection.password().reveal());
		}
		config.setMaximumPoolSize(poolSize);
		config.setMinimumIdle(0);
		config.setPoolName("source");
		config.setReadOnly(true);
		config.setAutoCommit(false);
		if (isMySql(connection.url())) {
			// neither driver makes a read-only connection read-only on the server (MySQL
			// Connector/J and MariaDB
			// Connector/J only record it), so the session is made read-only by the
			// server's own statement
			config.setConnectionInitSql("SET SESSION TRANSACTION READ ONLY");
			// a TIMESTAMP column is an instant that the server shows in the session's
			// time zone: in UTC, its text is
			// the instant's UTC wall-clock time, which is written with Z as every
			// zone-less timestamp is (both
			// drivers send sessionVariables as SET statements when they connect)
			config.addDataSourceProperty("sessionVariables", "time_zone='+00:00'");
		}
		if (!connection.init().isEmpty() && !ConnectionSpec.initAllowed(connection.url())) {
			throw new IllegalArgumentException("init scripts are only run on an in-memory H2 database");
		}
		// connect once at start, so that a wrong password or a database that does not
		// exist is said at once, in the
		// driver's words, instead of after the pool's 30-second wait for a connection
		config.setInitializationFailTimeout(1);
		HikariDataSource dataSource;
		try {
			dataSource = new HikariDataSource(config);
		}
		catch (RuntimeException ex) {
			throw unavailable(connection, ex);
		}
		try (Connection c = dataSource.getConnection()) {
			if (!connection.init().isEmpty()) { // creates the in-memory database; the
												// pool resets both settings
				c.setReadOnly(false);
				c.setAutoCommit(true);
			}
			for (Path script : connection.init()) {
				ScriptUtils.executeSqlScript(c, new FileSystemResource(script));
			}
		}
		catch (SQLException | RuntimeException ex) {
			dataSource.close();
			throw unavailable(connection, ex);
		}
		return dataSource;
	}

	private static SourceUnavailableException unavailable(ConnectionSpec connection, Exception ex) {
		return new SourceUnavailableException("Cannot open the source database " + Secret.redactUrl(connection.url())
				+ ": " + driverReason(ex) + ". Check the URL, user and password (--source-url, --source-user, "
				+ "--source-password) and that the database is running.", ex);
	}

	/**
	 * The driver's own words: the innermost SQLException's message (the pool's wrappers
	 * only say it failed).
	 */
	private static @Nullable String driverReason(Exception ex) {
		String reason = ex.getMessage();
		for (Throwable cause = ex; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof SQLException && cause.getMessage() != null) {
				reason = cause.getMessage();
			}
		}
		return reason != null && reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
	}

	/** Whether a JDBC URL is a MySQL or MariaDB database's (either driver). */
	static boolean isMySql(String url) {
		return url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:");
	}

	/**
	 * The FROM clause that reads a source: its table, or its query as a derived table.
	 */
	public static String fromClause(SourceSpec source) {
		return source.table() != null ? source.table()
				: "(" + Objects.requireNonNull(source.query(), "a source has a table or a query").strip() + ") src";
	}

	/**
	 * What follows {@code FROM} to select a source's rows: {@link #fromClause} and its
	 * {@code where}, if any.
	 */
	public static String rowsClause(SourceSpec source) {
		return fromClause(source) + (source.where() != null ? " WHERE " + source.where() : "");
	}

}
