package io.dynamomigrate.session;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.dynamomigrate.dynamodb.client.DynamoDbTarget;
import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.job.MigrationRunner;
import io.dynamomigrate.job.MigrationRunnerBuilder;
import io.dynamomigrate.job.RunLease;
import io.dynamomigrate.job.WriteSettings;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.validation.InvalidMappingException;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What one command works with, opened in one place and in one order — the mapping (and
 * the command line's checks and write settings), the source, the target, the Spring Batch
 * context, the mapping's run lease, and shutdown handling — as far as its
 * {@link SessionOptions} ask, and closed in the reverse order. Input that does not let
 * the session open (an invalid mapping, a mapping that does not fit its source, a lease
 * held by another process) throws a {@link SessionRefusedException}, after closing what
 * was opened. A part that was not asked for throws {@link IllegalStateException} when
 * asked for. Used by one command thread; the parts are thread-safe as they are.
 */
public final class MigrationSession implements AutoCloseable {

	private final SessionOptions options;

	private final PrintWriter err;

	private final OpenedResources resources = new OpenedResources();

	private @Nullable MappingSpec mapping;

	private @Nullable WriteSettings writeSettings;

	private @Nullable HikariDataSource source;

	private @Nullable DynamoDbTarget target;

	private @Nullable ConfigurableApplicationContext batch;

	private @Nullable DataSource repositoryDatabase;

	private @Nullable GracefulShutdown shutdown;

	private MigrationSession(SessionOptions options, PrintWriter err) {
		this.options = options;
		this.err = err;
	}

	static MigrationSession open(SessionOptions options, PrintWriter err) {
		MigrationSession session = new MigrationSession(options, err);
		try {
			session.openParts();
			return session;
		}
		catch (RuntimeException ex) {
			try {
				session.close();
			}
			catch (RuntimeException closing) {
				ex.addSuppressed(closing);
			}
			throw ex;
		}
	}

	private void openParts() {
		if (options.mappingFile != null || options.loadedMapping != null) {
			MappingSpec loaded = options.loadedMapping != null ? prepare(options.loadedMapping)
					: loadMapping(Objects.requireNonNull(options.mappingFile, "a mapping file"));
			this.mapping = loaded;
			if (options.source) {
				this.source = resources.add(SourceCheck.open(loaded));
			}
			if (options.connectTarget) {
				this.target = resources.add(connect(options.targetConnections > 0 ? options.targetConnections
						: Math.max(16, writeSettings().concurrency() + 4)));
			}
		}
		if (options.parent != null) {
			this.batch = options.parent.batch();
			this.shutdown = options.parent.shutdown;
		}
		else if (options.repository != null) {
			this.batch = resources.add(options.repository.start());
		}
		else if (options.repositoryDatabase != null) {
			this.repositoryDatabase = resources.add(options.repositoryDatabase.openDatabase()).dataSource();
		}
		if (batch != null) {
			ConfigurableApplicationContext context = batch;
			if (options.lease) {
				String name = mapping().name();
				RunLease.Acquisition acquisition = RunLease.acquire(context.getBean(DataSource.class), name,
						RunLease.DEFAULT_TTL, options.forceLease);
				if (!acquisition.taken()) {
					throw new SessionRefusedException(ExitCodes.ALREADY_RUNNING,
							"Another run of mapping " + name + " is in progress in " + acquisition.holder()
									+ ". Wait for it to end, or stop it with " + "`stop`; nothing was done.");
				}
				resources.add(Objects.requireNonNull(acquisition.lease(), "a lease taken"));
			}
			if (options.shutdown && options.parent == null) {
				this.shutdown = resources.add(GracefulShutdown.install(jobRepository(), err));
			}
		}
	}

	/**
	 * The mapping, then the command line's checks, the warnings and the write settings.
	 */
	private MappingSpec loadMapping(Path file) {
		MappingSpec loaded;
		try {
			loaded = MappingFiles.load(file, options.overrides);
		}
		catch (InvalidMappingException ex) {
			throw new SessionRefusedException(ExitCodes.INVALID, MappingFiles.problemLines(ex));
		}
		return prepare(loaded);
	}

	/** The command line's checks, the warnings and the write settings of a mapping. */
	private MappingSpec prepare(MappingSpec loaded) {
		try {
			options.checks.forEach(Runnable::run);
			if (options.warnings) {
				MappingFiles.warnings(loaded).forEach(err::println);
				err.flush();
			}
			if (options.writeSettings != null) {
				this.writeSettings = options.writeSettings.get();
			}
		}
		catch (IllegalArgumentException ex) {
			throw new SessionRefusedException(ExitCodes.INVALID, String.valueOf(ex.getMessage()));
		}
		return loaded;
	}

	/** The mapping, with the command line's overrides. */
	public MappingSpec mapping() {
		return required(mapping, "mapping");
	}

	/** The mapping file's text, as it is now. */
	public String mappingText() {
		try {
			return Files.readString(mapping().file(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** How the session's runs write; the defaults when the options gave none. */
	public WriteSettings writeSettings() {
		return writeSettings != null ? writeSettings : WriteSettings.DEFAULT;
	}

	/** The source database, checked against the mapping. */
	public DataSource source() {
		return required(source, "source");
	}

	/** The connected target. */
	public DynamoDbTarget target() {
		return required(target, "target");
	}

	/** What the target is (its endpoint), for messages. */
	public String targetDescription() {
		return target().description();
	}

	/** The target's region, for messages. */
	public String targetRegion() {
		return target().region();
	}

	/** A new connection to the session's target endpoint, which the caller closes. */
	public DynamoDbTarget connect(int maxConnections) {
		return required(options.endpoint, "target endpoint").connect(mapping().dynamodb(), maxConnections);
	}

	/** The job repository. */
	public JobRepository jobRepository() {
		return batch().getBean(JobRepository.class);
	}

	/** The job operator (start, restart, stop). */
	public JobOperator jobOperator() {
		return batch().getBean(JobOperator.class);
	}

	/**
	 * The job repository's database (where run leases are kept): the Spring Batch
	 * context's, or the database opened without it.
	 */
	public DataSource repositoryDataSource() {
		return repositoryDatabase != null ? repositoryDatabase : batch().getBean(DataSource.class);
	}

	/** The shutdown handling of the session's executions. */
	public GracefulShutdown shutdown() {
		return required(shutdown, "shutdown handling");
	}

	/**
	 * Where runs keep their state: rejects files, scratch files, the local endpoint's
	 * data.
	 */
	public Path stateDirectory() {
		return options.stateDirectory;
	}

	/**
	 * A scratch file in a fresh folder of the state directory, which the caller closes
	 * (deleting both).
	 */
	public ScratchFile scratchFile(String prefix, String name) throws IOException {
		return ScratchFile.create(options.stateDirectory, prefix, name);
	}

	/**
	 * A builder of runners on the session's Spring Batch context, with the session's
	 * shutdown handling as a job listener, and, when the session has write settings,
	 * writing as they say and telling warnings about write budgets on the session's error
	 * output.
	 */
	public MigrationRunnerBuilder runner() {
		ConfigurableApplicationContext context = batch();
		MigrationRunnerBuilder builder = MigrationRunner.builder()
			.jobOperator(context.getBean(JobOperator.class))
			.jobRepository(context.getBean(JobRepository.class))
			.jobRegistry(context.getBean(JobRegistry.class))
			.transactionManager(context.getBean(PlatformTransactionManager.class));
		if (shutdown != null) {
			builder.listener(shutdown);
		}
		if (options.limiters != null) {
			builder.limiters(options.limiters);
		}
		if (writeSettings != null) {
			builder.writeSettings(writeSettings).warnings((warning) -> {
				err.println("Warning: " + warning);
				err.flush();
			});
		}
		return builder;
	}

	private ConfigurableApplicationContext batch() {
		return required(batch, "Spring Batch context");
	}

	private static <T> T required(@Nullable T part, String name) {
		if (part == null) {
			throw new IllegalStateException("The session has no " + name + "; its options did not ask for it");
		}
		return part;
	}

	/** Closes what the session opened, the last opened first. */
	@Override
	public void close() {
		try {
			resources.close();
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot close the session: " + ex.getMessage(), ex);
		}
	}

}
