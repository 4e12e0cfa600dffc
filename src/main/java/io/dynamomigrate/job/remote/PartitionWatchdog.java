package io.dynamomigrate.job.remote;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;

import io.dynamomigrate.job.ExecutionOwner;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.DataAccessException;

/**
 * Fails the partitions whose worker died: a partition still {@code STARTED} whose worker
 * ({@link WorkerRegistry#WORKER} in its context) has not beaten for longer than the
 * timeout, or has no row any more, is marked {@code FAILED} in the job repository with a
 * sentence saying so. The manager, polling the repository, then sees every partition
 * ended and the partitioned step fails; {@code restart} runs that partition again after
 * its last committed chunk. Runs on the manager's poll thread. Thread-safe.
 */
final class PartitionWatchdog implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(PartitionWatchdog.class);

	private final JobRepository jobRepository;

	private final WorkerRegistry workers;

	private final Duration timeout;

	private final long jobExecutionId;

	private final String managerStep;

	PartitionWatchdog(JobRepository jobRepository, WorkerRegistry workers, Duration timeout, StepExecution manager) {
		this.jobRepository = jobRepository;
		this.workers = workers;
		this.timeout = timeout;
		this.jobExecutionId = manager.getJobExecutionId();
		this.managerStep = manager.getStepName();
	}

	@Override
	public void run() {
		try {
			check();
		}
		catch (DataAccessException | IllegalStateException ex) {
			logger.warn("Cannot check the workers' heartbeats [execution={}]: {}", jobExecutionId, ex.getMessage());
		}
	}

	private void check() {
		JobExecution execution = jobRepository.getJobExecution(jobExecutionId);
		if (execution == null) {
			return;
		}
		Map<String, Duration> silence = workers.silence();
		for (StepExecution partition : execution.getStepExecutions()) {
			if (!partition.getStepName().startsWith(managerStep + ":") || partition.getStatus() != BatchStatus.STARTED
					|| !partition.getExecutionContext().containsKey(WorkerRegistry.WORKER)) {
				continue;
			}
			String worker = partition.getExecutionContext().getString(WorkerRegistry.WORKER);
			Duration silent = silence.get(worker);
			if (silent == null || silent.compareTo(timeout) > 0) {
				fail(partition, silent);
			}
		}
	}

	private void fail(StepExecution partition, @Nullable Duration silent) {
		String who = ExecutionOwner.of(partition).map(ExecutionOwner::toString).orElse("its worker");
		String sentence = "The worker of partition " + partition.getStepName() + " (" + who + ") "
				+ (silent == null ? "left the worker registry" : "sent no heartbeat for " + silent.toSeconds() + " s")
				+ " while running it (limit --worker-timeout " + timeout.toSeconds() + " s); `restart` runs the "
				+ "partition again after its last committed chunk.";
		logger.info("Partition failed: {}", sentence);
		partition.setStatus(BatchStatus.FAILED);
		partition.setExitStatus(ExitStatus.FAILED.addExitDescription(sentence));
		partition.setEndTime(LocalDateTime.now());
		jobRepository.update(partition);
	}

}
