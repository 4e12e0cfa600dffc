package io.dynamomigrate.sample;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Creates the music-streaming sample schema in a PostgreSQL, MariaDB (or MySQL) or H2
 * database and fills it with the seed data: {@code sample-sources/<dialect>/schema.sql},
 * then {@code data.sql}. In MariaDB the tables go into the connection's current database
 * and the data script sets the session's {@code sql_mode} (strict).
 *
 * <p>
 * The scripts are read from the classpath ({@code sample-sources/postgres/...},
 * {@code sample-sources/mariadb/...} or {@code sample-sources/h2/...}); when they are not
 * there (running from a source checkout) they are read from {@code sample-sources/} under
 * the working directory.
 *
 * <p>
 * <b>Re-runnable.</b> The schema script drops the sample tables first, so loading again
 * replaces whatever sample data (and generated plays) the database held; the result is
 * always the same rows. Statements run on the given connection as it is configured: with
 * auto-commit each one commits on its own; without, committing is the caller's job.
 *
 * <p>
 * Stateless and thread-safe; a {@link Connection} must not be shared between concurrent
 * calls.
 */
public final class SampleDatabase {

	private static final String ROOT = "sample-sources";

	private SampleDatabase() {
	}

	/**
	 * Drops and creates the sample tables and loads the seed data.
	 * @param connection a connection to PostgreSQL, MariaDB or H2; tables go into its
	 * current schema (PostgreSQL, H2) or database (MariaDB)
	 * @throws SQLException if the database cannot be inspected
	 * @throws org.springframework.jdbc.datasource.init.ScriptException if a statement
	 * fails
	 * @throws IllegalArgumentException if the database is not PostgreSQL, MariaDB or H2,
	 * or a MariaDB connection has no current database
	 * @throws IllegalStateException if a script is neither on the classpath nor on the
	 * disk
	 */
	public static void load(Connection connection) throws SQLException {
		SampleDialect dialect = SampleDialect.fromProductName(connection.getMetaData().getDatabaseProductName());
		if (dialect == SampleDialect.MARIADB && connection.getCatalog() == null) {
			throw new IllegalArgumentException("The MariaDB URL names no database to load the sample into; "
					+ "name one, e.g. jdbc:mariadb://127.0.0.1:3306/music_sample.");
		}
		for (String file : new String[] { "schema.sql", "data.sql" }) {
			ScriptUtils.executeSqlScript(connection,
					new EncodedResource(script(dialect, file), StandardCharsets.UTF_8));
		}
	}

	static Resource script(SampleDialect dialect, String file) {
		String path = ROOT + "/" + dialect.directory() + "/" + file;
		Resource resource = new ClassPathResource(path, SampleDatabase.class.getClassLoader());
		if (resource.exists()) {
			return resource;
		}
		Path onDisk = Path.of(ROOT, dialect.directory(), file);
		if (Files.isRegularFile(onDisk)) {
			return new FileSystemResource(onDisk);
		}
		throw new IllegalStateException(
				"The sample script " + path + " is neither on the classpath nor at " + onDisk.toAbsolutePath()
						+ "; package sample-sources/ with the application or run from the " + "project folder.");
	}

}
