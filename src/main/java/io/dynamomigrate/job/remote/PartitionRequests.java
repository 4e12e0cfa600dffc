package io.dynamomigrate.job.remote;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
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

	/**
	 * How long a worker that starts writing for an execution waits after registering as
	 * one of its writers, so that the others have lowered their share of the write budget
	 * (they refresh it every {@link #SHARE_REFRESH}) before it writes.
	 */
	static final Duration JOIN_DELAY = Duration.ofSeconds(1);

	/** How often a worker re-divides the write budget among an execution's writers. */
	static final Duration SHARE_REFRESH = Duration.ofMillis(200);

	/** The write capacity limiters' window: no second holds more than the budget. */
	static final Duration WINDOW = Duration.ofSeconds(1);

	/**
	 * How long a worker stays among an execution's writers after its last partition of it
	 * ended: the next one (often prefetched) starts without joining again.
	 */
	static final Duration LEAVE_GRACE = Duration.ofMillis(500);

	/** How often a joining worker looks whether the others have made room. */
	static final Duration JOIN_POLL = Duration.ofMillis(50);

	private final WorkerRegistry registry;

	/** The executions this worker writes for, with their partitions running here. */
	private final Map<Long, Writing> writing = new HashMap<>();

	private final Function<JobExecution, PartitionSteps> jobs;

	private final Set<StepExecution> running = ConcurrentHashMap.newKeySet();

	private volatile boolean stopping;

	/**
	 * @param jobs the worker steps of an execution's partitions (opened once per
	 * execution); an {@link IllegalArgumentException} refuses the partition with its
	 * sentence
	 */
	PartitionRequests(JobRepository jobRepository, WorkerRegistry registry,
			Function<JobExecution, PartitionSteps> jobs) {
		this.jobRepository = jobRepository;
		this.registry = registry;
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
		partition.getExecutionContext().putString(WorkerRegistry.WORKER, registry.id());
		jobRepository.updateExecutionContext(partition);
		Step step;
		PartitionSteps steps;
		try {
			steps = jobs.apply(partition.getJobExecution());
			step = steps.step(partition);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			refuse(partition, String.valueOf(ex.getMessage()));
			return partition;
		}
		join(partition.getJobExecutionId(), steps);
		try {
			return run(request, partition, step);
		}
		finally {
			leave(partition.getJobExecutionId());
		}
	}

	private StepExecution run(StepExecutionRequest request, StepExecution partition, Step step) {
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

	/**
	 * Counts this worker among the execution's writers. The first partition of an
	 * execution waits (at most {@link #JOIN_DELAY}) until the others have lowered their
	 * shares of the budget enough to leave room for its own, {@code 1 / n}.
	 */
	private void join(long executionId, PartitionSteps steps) {
		boolean first;
		synchronized (writing) {
			Writing current = writing.get(executionId);
			first = current == null;
			writing.put(executionId, current == null ? new Writing(steps, 1, 0, false)
					: new Writing(steps, current.partitions() + 1, 0, current.joined()));
		}
		if (!first) {
			return;
		}
		steps.share(1e-9); // nothing until there is room
		registry.writesFor(executionId);
		long deadline = System.nanoTime() + JOIN_DELAY.toNanos();
		double share = 1.0 / Math.max(1, registry.writers(executionId));
		while (registry.othersShare(executionId) + share > 1.000001 && System.nanoTime() < deadline) {
			try {
				Thread.sleep(JOIN_POLL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			share = 1.0 / Math.max(1, registry.writers(executionId));
		}
		registry.share(share);
		try { // the others' grants at their old shares leave the one-second window first
			Thread.sleep(WINDOW.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		steps.share(share);
		synchronized (writing) {
			Writing current = writing.get(executionId);
			if (current != null) {
				writing.put(executionId, new Writing(steps, current.partitions(), current.idleSince(), true));
			}
		}
	}

	private void leave(long executionId) {
		synchronized (writing) {
			Writing current = writing.get(executionId);
			if (current != null) {
				writing.put(executionId,
						new Writing(current.steps(), current.partitions() - 1, System.nanoTime(), current.joined()));
			}
		}
	}

	/**
	 * Stops counting among the writers of executions whose partitions here ended more
	 * than {@link #LEAVE_GRACE} ago.
	 */
	private void leaveIdle() {
		synchronized (writing) {
			boolean left = writing.values()
				.removeIf((w) -> w.partitions() == 0 && System.nanoTime() - w.idleSince() > LEAVE_GRACE.toNanos());
			if (left) {
				registry.writesFor(writing.isEmpty() ? null : writing.keySet().iterator().next());
			}
		}
	}

	/**
	 * Gives each execution's writers here {@code 1 / n} of its tables' budgets, n being
	 * the live workers that write for it.
	 */
	void refreshShares() {
		leaveIdle();
		Map<Long, Writing> now;
		synchronized (writing) {
			now = Map.copyOf(writing);
		}
		now.forEach((executionId, current) -> {
			if (!current.joined()) {
				return; // its share is set once the others made room
			}
			double share = 1.0 / Math.max(1, registry.writers(executionId));
			current.steps().share(share);
			registry.share(share);
		});
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

	private record Writing(PartitionSteps steps, int partitions, long idleSince, boolean joined) {
	}

}
