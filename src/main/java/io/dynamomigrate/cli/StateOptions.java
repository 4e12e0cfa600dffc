package io.dynamomigrate.cli;

import java.nio.file.Path;

import io.dynamomigrate.session.JobRepositoryLocation;
import io.dynamomigrate.session.SessionOptions;
import org.jspecify.annotations.Nullable;
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

	@Option(names = "--repository-url", paramLabel = "JDBC_URL", defaultValue = "${env:DYNAMO_MIGRATE_REPOSITORY_URL}",
			description = "JDBC URL of the job repository (default: the environment variable "
					+ "DYNAMO_MIGRATE_REPOSITORY_URL, else an H2 file in the state dir). Use PostgreSQL in production.")
	String repositoryUrl;

	@Option(names = "--repository-user", paramLabel = "USER", description = "Job repository user.")
	String repositoryUser;

	/**
	 * The log file: every command's log with stack traces,
	 * {@code <state-dir>/logs/dynamo-migrate.log}.
	 */
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

	/** Options of a session whose state is in the state dir. */
	SessionOptions session() {
		return SessionOptions.in(stateDirectory);
	}

	/**
	 * The {@code --repository-url} database, or the H2 file {@code repository} in the
	 * state dir.
	 */
	JobRepositoryLocation repository() {
		return JobRepositoryLocation.of(stateDirectory, repositoryUrl, repositoryUser,
				System.getenv(REPOSITORY_PASSWORD_ENV));
	}

}
