package io.dynamomigrate.cli;

import java.nio.file.Path;

import io.dynamomigrate.job.BatchInfrastructure;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Option;

/**
 * Options for where executions are remembered.
 */
final class StateOptions {

	static final String REPOSITORY_PASSWORD_ENV = "DYNAMO_MIGRATE_REPOSITORY_PASSWORD";

	@Option(names = "--state-dir", paramLabel = "DIR", defaultValue = ".dynamo-migrate",
			description = "Folder for the local job repository, the local endpoint's data, rejects files and the "
					+ "log file logs/dynamo-migrate.log (default: ${DEFAULT-VALUE}).")
	Path stateDirectory;

	@Option(names = "--verbose", description = "Show stack traces on the console too (they always go to the log "
			+ "file <state-dir>/logs/dynamo-migrate.log).")
	boolean verbose;

	@Option(names = "--repository-url", paramLabel = "JDBC_URL",
			description = "JDBC URL of the job repository (default: an H2 file in the state dir). Use "
					+ "PostgreSQL in production.")
	String repositoryUrl;

	@Option(names = "--repository-user", paramLabel = "USER", description = "Job repository user.")
	String repositoryUser;

	/** The log file: every command's log with stack traces, {@code <state-dir>/logs/dynamo-migrate.log}. */
	Path logFile() {
		return stateDirectory.resolve("logs").resolve(CommandLog.FILE_NAME);
	}

	/** What continues a failed or stopped run of the mapping, and where its log is. */
	String restartHint(Path mapping) {
		return "`dynamo-migrate restart " + mapping + "` (with the same options) continues after the last committed "
				+ "chunk of every step. Log with stack traces: " + logFile();
	}

	/** Where reports go: the {@code --report} folder, or {@code <state-dir>/reports}. */
	Path reportDirectory(@Nullable Path requested) {
		return requested != null ? requested : stateDirectory.resolve("reports");
	}

	/**
	 * The batch infrastructure on the {@code --repository-url} database, or on the H2 file {@code repository} in the
	 * state directory. That file is opened with {@code WRITE_DELAY=0}: H2 then writes every commit to the file before
	 * the commit returns (its default writes commits in the background up to half a second later, so a {@code kill
	 * -9} lost the last chunks' positions and a restart wrote them again). {@code AUTO_SERVER=TRUE} lets a second
	 * process ({@code status}, {@code stop}) open the file while a run has it open.
	 */
	ConfigurableApplicationContext startBatch() {
		String url = repositoryUrl != null ? repositoryUrl
				: "jdbc:h2:file:" + stateDirectory.toAbsolutePath().resolve("repository")
						+ ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
		return BatchInfrastructure.start(url, repositoryUrl != null ? repositoryUser : "sa",
				System.getenv(REPOSITORY_PASSWORD_ENV));
	}

}
