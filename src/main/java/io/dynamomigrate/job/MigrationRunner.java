package io.dynamomigrate.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.dynamomigrate.dynamodb.BatchWriteItemWriter;
import io.dynamomigrate.dynamodb.DynamoDbTarget;
import io.dynamomigrate.dynamodb.RetryPolicy;
import io.dynamomigrate.dynamodb.Sleeper;
import io.dynamomigrate.dynamodb.TableProvisioner;
import io.dynamomigrate.mapping.ItemSpec;
import io.dynamomigrate.mapping.MappingSpec;
import io.dynamomigrate.mapping.TableSpec;
import io.dynamomigrate.report.RejectsFile;
import io.dynamomigrate.report.RunSummary;
import io.dynamomigrate.report.StepSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Runs a mapping: makes sure the target tables exist, starts a new execution of the mapping's job through the
 * {@link JobOperator}, waits for it, and summarises what every step read, wrote, rejected and filtered. Thread-safe.
 */
public final class MigrationRunner {

	/** Identifying job parameter: the SHA-256 of the mapping file. */
	public static final String CHECKSUM = "mapping.checksum";

	/** Identifying job parameter: distinguishes runs of the same mapping. */
	public static final String RUN_ID = "run.id";

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final PlatformTransactionManager transactionManager;

	private final RetryPolicy retryPolicy;

	private final Sleeper sleeper;

	public MigrationRunner(JobOperator jobOperator, JobRepository jobRepository,
			PlatformTransactionManager transactionManager, RetryPolicy retryPolicy, Sleeper sleeper) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.transactionManager = transactionManager;
		this.retryPolicy = retryPolicy;
		this.sleeper = sleeper;
	}

	/** Runs the mapping to the end (or failure) and returns its summary. */
	public RunSummary run(MappingSpec mapping, DataSource source, DynamoDbTarget target, Path stateDirectory) {
		TableProvisioner provisioner = new TableProvisioner(target.client());
		for (TableSpec table : mapping.tables()) {
			provisioner.ensure(table);
		}
		return execute(mapping.name(), mapping, source,
				MigrationJobFactory.dynamoDbWriters(target.client(), retryPolicy, sleeper), target.description(),
				target.region(), stateDirectory);
	}

	/**
	 * Runs a new execution of a job built from the mapping with the given writers (a run writes to DynamoDB, a dry
	 * run validates) and returns its summary.
	 * @param jobName the job's name in the repository
	 * @param endpoint what the summary names as the target
	 * @param region the target's region, for the summary
	 */
	public RunSummary execute(String jobName, MappingSpec mapping, DataSource source, StepWriterFactory writers,
			String endpoint, String region, Path stateDirectory) {
		try (RejectsFile rejects = new RejectsFile(stateDirectory.resolve("rejects"), jobName)) {
			Job job = withRejectsFileNaming(
					new MigrationJobFactory(jobRepository, transactionManager, source, writers).create(jobName,
							mapping, rejects),
					rejects);
			JobParameters parameters = new JobParametersBuilder().addString(CHECKSUM, mapping.checksum())
				.addLong(RUN_ID, System.currentTimeMillis())
				.addString("mapping.file", mapping.file().toAbsolutePath().toString(), false)
				.toJobParameters();
			JobExecution execution = jobOperator.start(job, parameters);
			return summary(mapping, execution, endpoint, region, rejects);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot start the job " + jobName + ": " + ex.getMessage(), ex);
		}
	}

	private static Job withRejectsFileNaming(Job job, RejectsFile rejects) {
		if (job instanceof org.springframework.batch.core.job.AbstractJob abstractJob) {
			abstractJob.registerJobExecutionListener(new JobExecutionListener() {
				@Override
				public void beforeJob(JobExecution jobExecution) {
					rejects.executionStarted(jobExecution.getId());
				}
			});
		}
		return job;
	}

	static RunSummary summary(MappingSpec mapping, JobExecution execution, String endpoint, String region,
			RejectsFile rejects) {
		Map<String, Map<String, Long>> reasons = rejects.counts();
		List<StepSummary> steps = new ArrayList<>();
		for (StepExecution step : execution.getStepExecutions()) {
			ExecutionContext context = step.getExecutionContext();
			long dropped = context.getLong(BatchWriteItemWriter.DUPLICATES_DROPPED, 0);
			long duplicateRejects = context.getLong(BatchWriteItemWriter.DUPLICATES_REJECTED, 0);
			String table = mapping.items()
				.stream()
				.filter((i) -> i.name().equals(step.getStepName()))
				.map(ItemSpec::table)
				.findFirst()
				.orElse("");
			steps.add(new StepSummary(step.getStepName(), table, step.getStatus().name(),
				step.getReadCount() + step.getReadSkipCount(), // unreadable records are read skips, not reads
					step.getWriteCount() - dropped - duplicateRejects,
					step.getSkipCount() + duplicateRejects, step.getFilterCount() + dropped,
					dropped + duplicateRejects, context.getLong(BatchWriteItemWriter.UNPROCESSED_RETRIES, 0),
					elapsed(step.getStartTime(), step.getEndTime()),
					reasons.getOrDefault(step.getStepName(), Map.of())));
		}
		long rejected = steps.stream().mapToLong(StepSummary::rejected).sum();
		int exitCode = execution.getStatus() == BatchStatus.COMPLETED
				? (rejected > 0 ? ExitCodes.COMPLETED_WITH_REJECTS : ExitCodes.SUCCESS) : ExitCodes.FAILED;
		return new RunSummary(mapping.name(), execution.getId(), execution.getStatus().name(), exitCode,
				endpoint, region, steps,
				elapsed(execution.getStartTime(), execution.getEndTime()),
				rejects.isEmpty() ? null : rejects.path().toString(), failure(execution));
	}

	private static @Nullable String failure(JobExecution execution) {
		List<Throwable> failures = execution.getAllFailureExceptions();
		if (failures.isEmpty()) {
			return null;
		}
		Throwable cause = failures.get(0);
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

	private static Duration elapsed(@Nullable LocalDateTime start, @Nullable LocalDateTime end) {
		if (start == null) {
			return Duration.ZERO;
		}
		return Duration.between(start, end != null ? end : LocalDateTime.now());
	}

}
