package io.dynamomigrate.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

import io.dynamomigrate.dynamodb.client.DynamoDbTarget;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.report.RunSummary;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * One tick of a schedule: under the mapping's {@link RunLease} (so that no two processes
 * pointed at the same job repository run the mapping at once), first restarts the
 * mapping's latest execution if it failed, stopped or crashed — it continues after its
 * last committed chunk with the read window it started with — and, if that completes or
 * there was nothing to resume, starts a new incremental run ({@link IncrementalWindows}).
 * Every run holds the lease, so an execution still marked running while the tick holds it
 * was left so by a process that is gone, and is recovered and resumed. A tick whose lease
 * is held elsewhere does nothing. Thread-safe; a scheduler runs one tick at a time.
 */
public final class ScheduledRuns {

	private static final Logger logger = LoggerFactory.getLogger(ScheduledRuns.class);

	private final MigrationRunner runner;

	private final JobRepository jobRepository;

	private final JobOperator jobOperator;

	private final DataSource repositoryDataSource;

	private final Duration leaseTtl;

	public ScheduledRuns(MigrationRunner runner, JobRepository jobRepository, JobOperator jobOperator,
			DataSource repositoryDataSource, Duration leaseTtl) {
		this.runner = runner;
		this.jobRepository = jobRepository;
		this.jobOperator = jobOperator;
		this.repositoryDataSource = repositoryDataSource;
		this.leaseTtl = leaseTtl;
	}

	/**
	 * What a tick did.
	 *
	 * @param runs the summaries of the executions it ran: a resumed one and/or a new one
	 * @param skipped why it ran nothing, or null
	 */
	public record Tick(List<RunSummary> runs, @Nullable String skipped) {

		public Tick {
			runs = List.copyOf(runs);
		}

		/**
		 * The exit code of the tick's last run ({@link ExitCodes#SUCCESS} when it ran
		 * nothing).
		 */
		public int exitCode() {
			return runs.isEmpty() ? ExitCodes.SUCCESS : runs.get(runs.size() - 1).exitCode();
		}

	}

	/**
	 * Runs one tick.
	 * @param mappingText the mapping file's text (to tell a changed mapping from the one
	 * a failed execution ran)
	 */
	public Tick tick(MappingSpec mapping, String mappingText, DataSource source, DynamoDbTarget target,
			Path stateDirectory) {
		RunLease.Acquisition acquisition = RunLease.acquire(repositoryDataSource, mapping.name(), leaseTtl, false);
		if (!acquisition.taken()) {
			String why = "a run of mapping " + mapping.name() + " is in progress in " + acquisition.holder();
			logger.info("Tick skipped: {}", why);
			return new Tick(List.of(), why);
		}
		try (RunLease lease = acquisition.lease()) {
			List<RunSummary> runs = new ArrayList<>();
			Optional<JobExecution> unfinished = unfinished(mapping.name());
			if (unfinished.isPresent()) {
				JobExecution previous = unfinished.get();
				String checksum = previous.getJobParameters().getString(MigrationRunner.CHECKSUM);
				if (!mapping.checksum().equals(checksum)) {
					logger.warn("Execution {} of mapping {} is {}, but the mapping changed since; starting a new run "
							+ "instead of resuming it", previous.getId(), mapping.name(), previous.getStatus());
				}
				else {
					logger.info("Resuming execution {} of mapping {} ({})", previous.getId(), mapping.name(),
							previous.getStatus());
					JobExecution restartable = new RestartCheck(jobRepository, jobOperator).executionToRestart(mapping,
							mappingText, true);
					RunSummary resumed = runner.restart(restartable, mapping, source, target, stateDirectory);
					runs.add(resumed);
					if (!BatchStatus.COMPLETED.name().equals(resumed.status())) {
						return new Tick(runs, null);
					}
				}
			}
			runs.add(runner.run(mapping, source, target, stateDirectory, true));
			return new Tick(runs, null);
		}
	}

	/**
	 * The mapping's latest execution when it did not complete (failed, stopped, or left
	 * running by a crash).
	 */
	private Optional<JobExecution> unfinished(String job) {
		JobInstance instance = jobRepository.getLastJobInstance(job);
		JobExecution latest = instance == null ? null : jobRepository.getLastJobExecution(instance);
		if (latest == null || latest.getStatus() == BatchStatus.COMPLETED
				|| latest.getStatus() == BatchStatus.ABANDONED) {
			return Optional.empty();
		}
		return Optional.of(latest);
	}

}
