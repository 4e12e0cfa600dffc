package io.dynamomigrate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server on 127.0.0.1:5432 (database {@code test}, user {@code postgres},
 * trust auth) that integration tests use, one schema per test class.
 */
public final class Postgres {

	public static final String USER = "postgres";

	private static final String BASE_URL = "jdbc:postgresql://127.0.0.1:5432/test";

	private Postgres() {
	}

	/** The JDBC URL of a schema. */
	public static String url(String schema) {
		return BASE_URL + "?currentSchema=" + schema;
	}

	/** Drops and creates a schema. */
	public static void recreateSchema(String schema) throws SQLException {
		try (Connection c = DriverManager.getConnection(BASE_URL, USER, null); Statement s = c.createStatement()) {
			s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
			s.execute("CREATE SCHEMA " + schema);
		}
	}

	/** Drops a schema. */
	public static void dropSchema(String schema) throws SQLException {
		try (Connection c = DriverManager.getConnection(BASE_URL, USER, null); Statement s = c.createStatement()) {
			s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
		}
	}

	/** A connection to a schema. */
	public static Connection connect(String schema) throws SQLException {
		return DriverManager.getConnection(url(schema), USER, null);
	}

}
