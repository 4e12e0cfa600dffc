package io.dynamomigrate.session;

import java.nio.file.Path;

import io.dynamomigrate.job.BatchInfrastructure;
import io.dynamomigrate.job.JobRepositorySchema;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Where a session's job repository is.
 *
 * @param url the repository's JDBC URL
 * @param user its user, or null
 * @param password its password, or null
 */
public record JobRepositoryLocation(String url, @Nullable String user, @Nullable String password) {

	/**
	 * The {@code --repository-url} database, or else the H2 file {@code repository} in
	 * the state directory. That file is opened with {@code WRITE_DELAY=0}: H2 then writes
	 * every commit to the file before the commit returns (its default writes commits in
	 * the background up to half a second later, so a {@code kill -9} lost the last
	 * chunks' positions and a restart wrote them again). {@code AUTO_SERVER=TRUE} lets a
	 * second process ({@code status}, {@code stop}) open the file while a run has it
	 * open.
	 */
	public static JobRepositoryLocation of(Path stateDirectory, @Nullable String url, @Nullable String user,
			@Nullable String password) {
		if (url != null) {
			return new JobRepositoryLocation(url, user, password);
		}
		return new JobRepositoryLocation("jdbc:h2:file:" + stateDirectory.toAbsolutePath().resolve("repository")
				+ ";AUTO_SERVER=TRUE;WRITE_DELAY=0", "sa", password);
	}

	/**
	 * One connection to this repository's database, with Spring Batch's tables created
	 * when missing; closing it closes the connection.
	 */
	RepositoryDatabase openDatabase() {
		SingleConnectionDataSource database = new SingleConnectionDataSource(url, true);
		database.setUsername(user);
		database.setPassword(password);
		RepositoryDatabase opened = new RepositoryDatabase(database);
		try {
			JobRepositorySchema.ensure(database);
			return opened;
		}
		catch (RuntimeException ex) {
			opened.close();
			throw ex;
		}
	}

	/** A job repository's database opened without the Spring Batch context. */
	record RepositoryDatabase(SingleConnectionDataSource dataSource) implements AutoCloseable {

		@Override
		public void close() {
			dataSource.destroy();
		}

	}

	/** The Spring Batch context on this repository. */
	ConfigurableApplicationContext start() {
		return BatchInfrastructure.start(url, user, password);
	}

}
