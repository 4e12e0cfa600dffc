package io.dynamomigrate.job;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Creates Spring Batch's tables in the job repository database when they are missing
 * (Spring Batch's own schema scripts, for H2 and PostgreSQL), and leaves an existing
 * repository alone; also dynamo-migrate's own table of run leases ({@link RunLease}).
 * Thread-safe.
 */
public final class JobRepositorySchema {

	private JobRepositorySchema() {
	}

	/**
	 * Creates the schema if {@code BATCH_JOB_INSTANCE} does not exist, and the lease
	 * table if it does not.
	 */
	public static void ensure(DataSource dataSource) {
		try (Connection c = dataSource.getConnection()) {
			RunLease.ensureTable(c);
			if (exists(c, "BATCH_JOB_INSTANCE")) {
				return;
			}
			String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
			String platform = product.contains("postgres") ? "postgresql" : product.contains("h2") ? "h2" : null;
			if (platform == null) {
				throw new IllegalStateException("The job repository database " + product + " has no Spring Batch "
						+ "tables; create them with Spring Batch's schema script for that database.");
			}
			createTables(c, platform);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot prepare the job repository: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Runs Spring Batch's schema script in one transaction: processes that start together
	 * on a new repository (workers) create it once; the others find it created.
	 */
	private static void createTables(Connection c, String platform) throws SQLException {
		boolean autoCommit = c.getAutoCommit();
		c.setAutoCommit(false);
		try {
			ScriptUtils.executeSqlScript(c,
					new ClassPathResource("org/springframework/batch/core/schema-" + platform + ".sql"));
			c.commit();
		}
		catch (RuntimeException | SQLException ex) {
			c.rollback();
			if (!exists(c, "BATCH_JOB_INSTANCE")) {
				throw ex;
			}
		}
		finally {
			c.setAutoCommit(autoCommit);
		}
	}

	/**
	 * Creates one of dynamo-migrate's own tables unless it exists. Processes that start
	 * together on a new repository (a manager and its workers, a fleet's entries) may all
	 * find it missing: PostgreSQL then fails all but one {@code CREATE TABLE} (on its
	 * catalogue's unique index), which is not an error when the table is there after it.
	 * @param c a connection in auto-commit mode
	 * @param table the table's name, in upper case
	 * @param columns the column definitions, without the parentheses
	 */
	public static void createTableIfMissing(Connection c, String table, String columns) throws SQLException {
		if (exists(c, table)) {
			return;
		}
		try (Statement create = c.createStatement()) {
			create.execute("CREATE TABLE " + table + " (" + columns + ")");
		}
		catch (SQLException ex) {
			if (!exists(c, table)) {
				throw ex;
			}
		}
	}

	/**
	 * Whether the connection's schema has the table, named in upper case (PostgreSQL
	 * folds it to lower case).
	 */
	public static boolean exists(Connection c, String table) throws SQLException {
		DatabaseMetaData meta = c.getMetaData();
		for (String name : new String[] { table, table.toLowerCase(Locale.ROOT) }) {
			try (ResultSet tables = meta.getTables(c.getCatalog(), c.getSchema(), name, new String[] { "TABLE" })) {
				if (tables.next()) {
					return true;
				}
			}
		}
		return false;
	}

}
