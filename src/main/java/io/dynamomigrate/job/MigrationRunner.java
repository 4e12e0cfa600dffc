package io.dynamomigrate.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

import io.dynamomigrate.dynamodb.capacity.Sleeper;
import io.dynamomigrate.dynamodb.capacity.TableLimiters;
import io.dynamomigrate.dynamodb.client.DynamoDbTarget;
import io.dynamomigrate.dynamodb.table.TableProvisioner;
import io.dynamomigrate.dynamodb.write.UnprocessedItemsBackoff;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.model.TableSpec;
import io.dynamomigrate.metrics.MigrationMetrics;
import io.dynamomigrate.report.RejectsFile;
import io.dynamomigrate.report.RunSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.DuplicateJobException;
import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Runs a mapping: makes sure the target tables exist, starts a new execution of the
 * mapping's job through the {@link JobOperator} (or restarts a failed, stopped or crashed
 * one, see {@link RestartCheck}), waits for it, and summarises what every step read,
 * wrote, rejected and filtered. The job is rebuilt from the mapping for every execution
 * and registered in the {@link JobRegistry} under the mapping's name, so that the
 * operator can restart and stop it. A restarted execution continues every step after its
 * last committed chunk. Thread-safe.
 */
public final class MigrationRunner {

	/** Identifying job parameter: the SHA-256 of the mapping file. */
	public static final String CHECKSUM = "mapping.checksum";

	/** Identifying job parameter: distinguishes runs of the same mapping. */
	public static final String RUN_ID = "run.id";

	/** Job parameter (not identifying): the run's write budget, for remote workers. */
	public static final String WRITE_BUDGET = "write.budget";

	/**
	 * Job parameter (not identifying): the run's write concurrency, for remote workers.
	 */
	public static final String WRITE_CONCURRENCY = "write.concurrency";

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final PlatformTransactionManager transactionManager;

	private final UnprocessedItemsBackoff retryPolicy;

	private final Sleeper sleeper;

	private final JobRegistry jobRegistry;

	private final List<JobExecutionListener> listeners;

	private final WriteSettings writeSettings;

	private final Consumer<String> warnings;

	private final @Nullable MigrationMetrics metrics;

	private final PartitionHandlers partitions;

	private final @Nullable TableLimiters limiters;

	/**
	 * A runner as the builder says (checked by {@link MigrationRunnerBuilder#build()}).
	 */
	MigrationRunner(MigrationRunnerBuilder builder) {
		this.jobOperator = builder.jobOperator();
		this.jobRepository = builder.jobRepository();
		this.jobRegistry = builder.jobRegistry();
		this.transactionManager = builder.transactionManager();
		this.retryPolicy = builder.retryPolicy();
		this.sleeper = builder.sleeper();
		this.listeners = builder.listeners();
		this.writeSettings = builder.writeSettings();
		this.warnings = builder.warnings();
		this.metrics = builder.metrics();
		this.partitions = builder.partitions();

		this.limiters = builder.limiters();
	}

	/**
	 * A builder of a runner; the job operator, repository, registry and transaction
	 * manager are required.
	 */
	public static MigrationRunnerBuilder builder() {
		return new MigrationRunnerBuilder();
	}

	/**
	 * Runs the mapping to the end (or failure), reading every row, and returns its
	 * summary.
	 */
	public RunSummary run(MappingSpec mapping, DataSource source, DynamoDbTarget target, Path stateDirectory) {
		return run(mapping, source, target, stateDirectory, false);
	}

	/**
	 * Runs the mapping to the end (or failure) and returns its summary.
	 * @param incremental whether item definitions with {@code incremental} read only the
	 * rows changed since the last completed run ({@link IncrementalWindows})
	 */
	public RunSummary run(MappingSpec mapping, DataSource source, DynamoDbTarget target, Path stateDirectory,
			boolean incremental) {
		return writing(mapping, source, target, (writers) -> execute(mapping.name(), mapping, source, writers,
				target.description(), target.region(), stateDirectory, incremental));
	}

	/**
	 * Restarts an execution of the mapping's job (found by {@link RestartCheck}): every
	 * step continues after its last committed chunk; completed steps are not run again.
	 */
	public RunSummary restart(JobExecution previous, MappingSpec mapping, DataSource source, DynamoDbTarget target,
			Path stateDirectory) {
		return writing(mapping, source, target,
				(writers) -> launch(mapping.name(), mapping, source, writers, target.description(), target.region(),
						stateDirectory, IncrementalWindows.of(previous.getJobParameters()),
						(job) -> jobOperator.restart(previous)));
	}

	/**
	 * Runs the mapping through Import from S3 (checked by the caller: new tables, a
	 * writable prefix): its steps stage the items, the import step uploads them and
	 * imports each table; returns the summary with the imports' outcomes.
	 */
	public RunSummary runViaImport(MappingSpec mapping, DataSource source, DynamoDbTarget target, Path stateDirectory,
			ImportRun importRun) {
		JobParameters parameters = importRun.parameters(parameters(mapping, importRun.runId())).toJobParameters();
		return launch(mapping.name(), mapping, source, importRun, target.description(), target.region(), stateDirectory,
				IncrementalWindows.none(), (job) -> jobOperator.start(job, parameters))
			.withImports(importRun.results());
	}

	/**
	 * Restarts an execution of an import run: the steps continue after their last
	 * committed chunk, then the import step uploads and imports (the same import, by its
	 * client token, when the execution had started it).
	 */
	public RunSummary restartViaImport(JobExecution previous, MappingSpec mapping, DataSource source,
			DynamoDbTarget target, Path stateDirectory, ImportRun importRun) {
		return launch(mapping.name(), mapping, source, importRun, target.description(), target.region(), stateDirectory,
				IncrementalWindows.none(), (job) -> jobOperator.restart(previous))
			.withImports(importRun.results());
	}

	/**
	 * Creates the missing tables, starts the run's write capacity (limiters, warm-up,
	 * pool), runs the job with writers that take from it, and adds what the capacity did
	 * to the summary.
	 */
	private RunSummary writing(MappingSpec mapping, DataSource source, DynamoDbTarget target,
			Function<StepWriterFactory, RunSummary> job) {
		provision(mapping, target);
		try (RunThroughput throughput = RunThroughput.start(target.client(), mapping, source, writeSettings, warnings,
				limiters)) {
			return job.apply(MigrationJobFactory.dynamoDbWriters(target, retryPolicy, sleeper, throughput))
				.withCapacity(throughput.report());
		}
	}

	private void provision(MappingSpec mapping, DynamoDbTarget target) {
		TableProvisioner provisioner = new TableProvisioner(target.client());
		for (TableSpec table : mapping.tables()) {
			provisioner.ensure(table, writeSettings.prewarm(), warnings);
		}
	}

	/**
	 * Runs a new execution of a job built from the mapping with the given writers (a run
	 * writes to DynamoDB, a dry run validates) and returns its summary.
	 * @param jobName the job's name in the repository
	 * @param endpoint what the summary names as the target
	 * @param region the target's region, for the summary
	 */
	public RunSummary execute(String jobName, MappingSpec mapping, DataSource source, StepWriterFactory writers,
			String endpoint, String region, Path stateDirectory) {
		return execute(jobName, mapping, source, writers, endpoint, region, stateDirectory, false);
	}

	private RunSummary execute(String jobName, MappingSpec mapping, DataSource source, StepWriterFactory writers,
			String endpoint, String region, Path stateDirectory, boolean incremental) {
		IncrementalWindows windows = IncrementalWindows.plan(jobRepository, jobName, mapping, source, incremental);
		JobParameters parameters = windows.addTo(parameters(mapping, System.currentTimeMillis())).toJobParameters();
		return launch(jobName, mapping, source, writers, endpoint, region, stateDirectory, windows,
				(job) -> jobOperator.start(job, parameters));
	}

	/**
	 * The identifying checksum and run id, and for remote workers the write settings (not
	 * identifying).
	 */
	private JobParametersBuilder parameters(MappingSpec mapping, long runId) {
		JobParametersBuilder builder = new JobParametersBuilder().addString(CHECKSUM, mapping.checksum())
			.addLong(RUN_ID, runId)
			.addString("mapping.file", mapping.file().toAbsolutePath().toString(), false)
			.addLong(WRITE_CONCURRENCY, (long) writeSettings.concurrency(), false);
		if (writeSettings.budget() != null) {
			builder.addString(WRITE_BUDGET, String.valueOf(writeSettings.budget()), false);
		}
		return builder;
	}

	private RunSummary launch(String jobName, MappingSpec mapping, DataSource source, StepWriterFactory writers,
			String endpoint, String region, Path stateDirectory, IncrementalWindows windows, Launch launch) {
		try (RejectsFile rejects = new RejectsFile(stateDirectory.resolve("rejects"), jobName)) {
			Job job = new MigrationJobFactory(jobRepository, transactionManager, source, writers, metrics)
				.partitions(partitions)
				.create(jobName, mapping, rejects, windows);
			if (job instanceof AbstractJob abstractJob) {
				abstractJob.registerJobExecutionListener(
						new ExecutionRecorder(jobRepository, mappingText(mapping), rejects, endpoint));
				listeners.forEach(abstractJob::registerJobExecutionListener);
				if (metrics != null) {
					abstractJob.registerJobExecutionListener(metrics.jobListener(jobName));
				}
			}
			register(job);
			try {
				JobExecution execution = launch.start(job);
				if (metrics != null && execution.getStatus() == BatchStatus.COMPLETED) {
					windows.recordMarks(jobName, metrics);
				}
				return RunSummaries.of(mapping, execution, endpoint, region, rejects);
			}
			finally {
				jobRegistry.unregister(jobName);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (Exception ex) {
			Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
			throw new IllegalStateException("Cannot start the job " + jobName + ": " + cause.getMessage(), ex);
		}
	}

	/**
	 * The worker steps of an execution's partitions, as a remote worker runs them: they
	 * write within this runner's write settings (the worker's share of the budget), and
	 * reject into a rejects file of the state directory. The caller closes it.
	 */
	public PartitionSteps partitionSteps(JobExecution execution, MappingSpec mapping, DataSource source,
			DynamoDbTarget target, Path stateDirectory) {
		String jobName = execution.getJobInstance().getJobName();
		RunThroughput throughput = RunThroughput.start(target.client(), mapping, source, writeSettings, warnings);
		RejectsFile rejects = new RejectsFile(stateDirectory.resolve("rejects"), jobName);
		rejects.executionStarted(execution.getId());
		MigrationJobFactory factory = new MigrationJobFactory(jobRepository, transactionManager, source,
				MigrationJobFactory.dynamoDbWriters(target, retryPolicy, sleeper, throughput), metrics);
		return new PartitionSteps(execution, mapping, factory, rejects, throughput);
	}

	private void register(Job job) throws DuplicateJobException {
		jobRegistry.unregister(job.getName());
		jobRegistry.register(job);
	}

	private static String mappingText(MappingSpec mapping) {
		try {
			return Files.readString(mapping.file(), StandardCharsets.UTF_8);
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
	}

	/** Starts or restarts an execution of a built job. */
	@FunctionalInterface
	private interface Launch {

		JobExecution start(Job job) throws Exception;

	}

}
