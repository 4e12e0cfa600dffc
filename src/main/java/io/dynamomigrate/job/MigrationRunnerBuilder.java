package io.dynamomigrate.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import io.dynamomigrate.dynamodb.capacity.Sleeper;
import io.dynamomigrate.dynamodb.capacity.TableLimiters;
import io.dynamomigrate.dynamodb.write.UnprocessedItemsBackoff;
import io.dynamomigrate.metrics.MigrationMetrics;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds a {@link MigrationRunner}. The Spring Batch collaborators are required; the
 * others default to {@link UnprocessedItemsBackoff#DEFAULT}, {@link Sleeper#SYSTEM}, no
 * extra listeners, {@link WriteSettings#DEFAULT}, warnings dropped and no metrics. Not
 * thread-safe; {@link #build()} checks the input.
 */
public final class MigrationRunnerBuilder {

	private @Nullable JobOperator jobOperator;

	private @Nullable JobRepository jobRepository;

	private @Nullable JobRegistry jobRegistry;

	private @Nullable PlatformTransactionManager transactionManager;

	private UnprocessedItemsBackoff retryPolicy = UnprocessedItemsBackoff.DEFAULT;

	private Sleeper sleeper = Sleeper.SYSTEM;

	private final List<JobExecutionListener> listeners = new ArrayList<>();

	private WriteSettings writeSettings = WriteSettings.DEFAULT;

	private Consumer<String> warnings = (warning) -> {
	};

	private @Nullable MigrationMetrics metrics;

	private PartitionHandlers partitions = PartitionHandlers.LOCAL;

	private @Nullable TableLimiters limiters;

	MigrationRunnerBuilder() {
	}

	/** Starts and restarts the executions. */
	public MigrationRunnerBuilder jobOperator(JobOperator jobOperator) {
		this.jobOperator = jobOperator;
		return this;
	}

	/** Where executions are remembered. */
	public MigrationRunnerBuilder jobRepository(JobRepository jobRepository) {
		this.jobRepository = jobRepository;
		return this;
	}

	/**
	 * The operator's registry, where the jobs built from mappings are registered while
	 * they run.
	 */
	public MigrationRunnerBuilder jobRegistry(JobRegistry jobRegistry) {
		this.jobRegistry = jobRegistry;
		return this;
	}

	/** The job repository's transaction manager. */
	public MigrationRunnerBuilder transactionManager(PlatformTransactionManager transactionManager) {
		this.transactionManager = transactionManager;
		return this;
	}

	/** How the writers retry unprocessed items. */
	public MigrationRunnerBuilder retryPolicy(UnprocessedItemsBackoff retryPolicy) {
		this.retryPolicy = retryPolicy;
		return this;
	}

	/** How the writers wait between retries. */
	public MigrationRunnerBuilder sleeper(Sleeper sleeper) {
		this.sleeper = sleeper;
		return this;
	}

	/**
	 * An extra listener of every job (for example the command line's graceful shutdown).
	 */
	public MigrationRunnerBuilder listener(JobExecutionListener listener) {
		this.listeners.add(listener);
		return this;
	}

	/** How runs write: budget, concurrency, progress. */
	public MigrationRunnerBuilder writeSettings(WriteSettings writeSettings) {
		this.writeSettings = writeSettings;
		return this;
	}

	/** Where warnings about write budgets and tables go. */
	public MigrationRunnerBuilder warnings(Consumer<String> warnings) {
		this.warnings = warnings;
		return this;
	}

	/**
	 * Records Spring Batch's observations, the steps' counters, the runs and the
	 * incremental marks of completed runs in {@code metrics}.
	 */
	public MigrationRunnerBuilder metrics(MigrationMetrics metrics) {
		this.metrics = metrics;
		return this;
	}

	/**
	 * Who runs the partitions of partitioned steps (default: threads of this process).
	 */
	public MigrationRunnerBuilder partitions(PartitionHandlers partitions) {
		this.partitions = partitions;
		return this;
	}

	/**
	 * Take the tables' write-capacity limiters from {@code limiters}, shared with the
	 * other runs given the same instance (the entries of a fleet); by default every run
	 * has its own.
	 */
	public MigrationRunnerBuilder limiters(TableLimiters limiters) {
		this.limiters = limiters;
		return this;
	}

	/** The runner; an {@link IllegalStateException} names a missing collaborator. */
	public MigrationRunner build() {
		if (jobOperator == null) {
			throw new IllegalStateException("A job operator is required");
		}
		if (jobRepository == null) {
			throw new IllegalStateException("A job repository is required");
		}
		if (jobRegistry == null) {
			throw new IllegalStateException("A job registry is required");
		}
		if (transactionManager == null) {
			throw new IllegalStateException("A transaction manager is required");
		}
		return new MigrationRunner(this);
	}

	JobOperator jobOperator() {
		return Objects.requireNonNull(jobOperator);
	}

	JobRepository jobRepository() {
		return Objects.requireNonNull(jobRepository);
	}

	JobRegistry jobRegistry() {
		return Objects.requireNonNull(jobRegistry);
	}

	PlatformTransactionManager transactionManager() {
		return Objects.requireNonNull(transactionManager);
	}

	UnprocessedItemsBackoff retryPolicy() {
		return retryPolicy;
	}

	Sleeper sleeper() {
		return sleeper;
	}

	List<JobExecutionListener> listeners() {
		return List.copyOf(listeners);
	}

	WriteSettings writeSettings() {
		return writeSettings;
	}

	Consumer<String> warnings() {
		return warnings;
	}

	@Nullable MigrationMetrics metrics() {
		return metrics;
	}

	PartitionHandlers partitions() {
		return partitions;
	}

	@Nullable TableLimiters limiters() {
		return limiters;
	}

}
