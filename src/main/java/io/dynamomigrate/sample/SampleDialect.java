package io.dynamomigrate.sample;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The databases the sample scripts exist for, and the little SQL syntax that differs
 * between them. Stateless and thread-safe.
 */
enum SampleDialect {

	POSTGRES("postgres") {
		@Override
		String binaryLiteral(byte[] bytes) {
			return "decode('" + HexFormat.of().formatHex(bytes) + "','hex')";
		}

		@Override
		void useShard(Connection connection, String shard) throws SQLException {
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE SCHEMA IF NOT EXISTS " + shard);
			}
			connection.setSchema(shard);
		}
	},

	H2("h2") {
		@Override
		String binaryLiteral(byte[] bytes) {
			return "X'" + HexFormat.of().formatHex(bytes) + "'";
		}
	},

	/**
	 * MariaDB (and MySQL): the data script first sets the session's {@code sql_mode}
	 * (strict, and backslashes as escapes, as MySQL's default), so a string literal
	 * doubles its backslashes as well as its quotes.
	 */
	MARIADB("mariadb") {
		@Override
		String binaryLiteral(byte[] bytes) {
			return "X'" + HexFormat.of().formatHex(bytes) + "'";
		}

		@Override
		String stringLiteral(String text) {
			return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
		}

		@Override
		String scriptPreamble() {
			return "SET SESSION sql_mode = '" + SQL_MODE + "';\n\n";
		}

		@Override
		void useShard(Connection connection, String shard) throws SQLException {
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE IF NOT EXISTS " + shard + " CHARACTER SET utf8mb4");
			}
			connection.setCatalog(shard);
		}

		@Override
		String dropForeignKey(String table, String constraint) {
			return "ALTER TABLE " + table + " DROP FOREIGN KEY " + constraint;
		}
	};

	/**
	 * The {@code sql_mode} the MariaDB data script runs in, whatever the server's or the
	 * session's: strict (a value that does not fit is an error, never truncated), no zero
	 * dates, and without {@code NO_BACKSLASH_ESCAPES}, so that {@code \\} in a literal is
	 * one backslash.
	 */
	static final String SQL_MODE = "STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,"
			+ "NO_ENGINE_SUBSTITUTION";

	private final String directory;

	SampleDialect(String directory) {
		this.directory = directory;
	}

	/** The folder under {@code sample-sources/} that holds this dialect's scripts. */
	String directory() {
		return this.directory;
	}

	abstract String binaryLiteral(byte[] bytes);

	/**
	 * A string literal: quoted, with quotes (and what else the dialect needs) escaped.
	 */
	String stringLiteral(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

	/**
	 * Creates a shard of {@code sample --shards} when missing (a PostgreSQL schema, a
	 * MariaDB database) and makes it the connection's current one.
	 * @throws IllegalArgumentException for a database without shards (H2)
	 */
	void useShard(Connection connection, String shard) throws SQLException {
		throw new IllegalArgumentException("sample --shards loads PostgreSQL schemas or MariaDB databases, not " + this
				+ "; give a jdbc:postgresql:// or jdbc:mariadb:// --source-url.");
	}

	/** The statement that drops a table's foreign key if it is there. */
	String dropForeignKey(String table, String constraint) {
		return "ALTER TABLE " + table + " DROP CONSTRAINT IF EXISTS " + constraint;
	}

	/**
	 * The statements the data script starts with, before the first {@code INSERT}; empty
	 * or ending with a blank line.
	 */
	String scriptPreamble() {
		return "";
	}

	/**
	 * The dialect for a JDBC {@code DatabaseMetaData.getDatabaseProductName()}: MariaDB
	 * Connector/J says {@code MariaDB}, and MySQL Connector/J {@code MySQL}, also for a
	 * MariaDB server.
	 * @throws IllegalArgumentException for any other database
	 */
	static SampleDialect fromProductName(String productName) {
		String name = (productName != null) ? productName.toLowerCase(Locale.ROOT) : "";
		if (name.contains("postgres")) {
			return POSTGRES;
		}
		if (name.equals("h2")) {
			return H2;
		}
		if (name.equals("mariadb") || name.equals("mysql")) {
			return MARIADB;
		}
		throw new IllegalArgumentException("The sample database exists for PostgreSQL, MariaDB and H2 only, not for '"
				+ productName + "'; connect to one of those.");
	}

}
