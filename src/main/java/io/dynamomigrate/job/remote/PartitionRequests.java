package io.dynamomigrate.job.remote;

import java.time.LocalDateTime;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.dynamomigrate.job.ExecutionOwner;
import io.dynamomigrate.job.PartitionSteps;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;

/**
 * The worker's side of remote partitioning: runs the partition a
 * {@link StepExecutionRequest} names with Spring Batch Integration's
 * {@link StepExecutionRequestHandler}, after saving in the partition's context which
 * worker runs it (for {@code status} and the manager's watchdog). The worker step is
 * built from the mapping the execution runs ({@link PartitionSteps}); a partition whose
 * mapping the worker cannot load fails with that sentence as its exit description. A stop
 * ({@link #stopAll()}) lets every running partition finish its chunk in flight and end
 * {@code STOPPED}, restartable. Thread-safe.
 */
final class PartitionRequests {

	private static final Logger logger = LoggerFactory.getLogger(PartitionRequests.class);

	private final JobRepository jobRepository;

	private final String workerId;

	private final Function<JobExecution, PartitionSteps> jobs;

	private final Set<StepExecution> running = ConcurrentHashMap.newKeySet();

	private volatile boolean stopping;

	/**
	 * @param jobs the worker steps of an execution's partitions (opened once per
	 * execution); an {@link IllegalArgumentException} refuses the partition with its
	 * sentence
	 */
	PartitionRequests(JobRepository jobRepository, String workerId, Function<JobExecution, PartitionSteps> jobs) {
		this.jobRepository = jobRepository;
		this.workerId = workerId;
		this.jobs = jobs;
	}

	/** Runs the requested partition to its end; returns its execution, or null. */
	@Nullable StepExecution handle(StepExecutionRequest request) {
		StepExecution partition = jobRepository.getStepExecution(request.getStepExecutionId());
		if (partition == null || !partition.getStatus().isRunning()) {
			logger.info("Partition request ignored: the partition has ended or is unknown [request={}]", request);
			return partition;
		}
		ExecutionOwner.current().saveTo(partition.getExecutionContext());
		partition.getExecutionContext().putString(WorkerRegistry.WORKER, workerId);
		jobRepository.updateExecutionContext(partition);
		Step step;
		try {
			step = jobs.apply(partition.getJobExecution()).step(partition);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			refuse(partition, String.valueOf(ex.getMessage()));
			return partition;
		}
		if (step instanceof AbstractStep abstractStep) {
			abstractStep.registerStepExecutionListener(new StepExecutionListener() {
				@Override
				public void beforeStep(StepExecution execution) {
					running.add(execution);
					if (stopping) {
						execution.setTerminateOnly();
					}
				}

				@Override
				public @Nullable ExitStatus afterStep(StepExecution execution) {
					running.remove(execution);
					return null;
				}
			});
		}
		logger.info("Partition started [partition={}, execution={}]", partition.getStepName(),
				partition.getJobExecutionId());
		StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
		handler.setJobRepository(jobRepository);
		handler.setStepLocator((name) -> step);
		StepExecution ended = handler.handle(request);
		if (ended.getEndTime() == null) { // failed before the step could save its end
			ended.setEndTime(LocalDateTime.now());
			ended.setExitStatus(ExitStatus.FAILED);
			jobRepository.update(ended);
		}
		logger.info("Partition ended [partition={}, status={}, written={}]", ended.getStepName(), ended.getStatus(),
				ended.getWriteCount());
		return ended;
	}

	private void refuse(StepExecution partition, String sentence) {
		logger.info("Partition refused [partition={}]: {}", partition.getStepName(), sentence);
		partition.setStartTime(LocalDateTime.now());
		partition.setEndTime(LocalDateTime.now());
		partition.setStatus(BatchStatus.FAILED);
		partition.setExitStatus(ExitStatus.FAILED.addExitDescription(sentence));
		jobRepository.update(partition);
	}

	/** Whether the worker was asked to stop (new requests are given back). */
	boolean stopping() {
		return stopping;
	}

	/**
	 * Lets every running partition finish its chunk in flight and end {@code STOPPED}.
	 */
	void stopAll() {
		stopping = true;
		running.forEach(StepExecution::setTerminateOnly);
	}

	/** How many partitions run now. */
	int running() {
		return running.size();
	}

}
