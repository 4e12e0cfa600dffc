package io.dynamomigrate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The MariaDB server on 127.0.0.1:3306 (user {@code root}, empty password) that
 * integration tests use, one database per test class.
 */
public final class MariaDb {

	public static final String USER = "root";

	private static final String SERVER = "//127.0.0.1:3306/";

	private MariaDb() {
	}

	/** The MariaDB Connector/J URL of a database. */
	public static String url(String database) {
		return "jdbc:mariadb:" + SERVER + database;
	}

	/** The MySQL Connector/J URL of a database. */
	public static String mysqlUrl(String database) {
		return "jdbc:mysql:" + SERVER + database;
	}

	/** Drops and creates a database. */
	public static void recreateDatabase(String database) throws SQLException {
		try (Connection c = DriverManager.getConnection(url(""), USER, ""); Statement s = c.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS " + database);
			s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
		}
	}

	/** Drops a database. */
	public static void dropDatabase(String database) throws SQLException {
		try (Connection c = DriverManager.getConnection(url(""), USER, ""); Statement s = c.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS " + database);
		}
	}

	/** A connection to a database. */
	public static Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(url(database), USER, "");
	}

}
