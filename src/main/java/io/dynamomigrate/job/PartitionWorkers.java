package io.dynamomigrate.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

/**
 * Runs the partitions of a partitioned step concurrently on threads of its own, each with
 * a worker step built for that partition (its own reader, processor and writer, which are
 * not thread-safe), from the partition's execution context (its key range, and on restart
 * its reader's saved position). On restart, the splitter hands back only the partitions
 * that did not complete, with their saved contexts, so each partition continues after its
 * own last committed chunk. Thread-safe; the pool lives for one {@link #handle} call.
 */
final class PartitionWorkers implements PartitionHandler {

	private final int gridSize;

	private final Function<StepExecution, Step> workers;

	/**
	 * @param gridSize the number of partitions (and threads)
	 * @param workers builds the worker step of one partition's step execution
	 */
	PartitionWorkers(int gridSize, Function<StepExecution, Step> workers) {
		this.gridSize = gridSize;
		this.workers = workers;
	}

	@Override
	public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution manager) throws Exception {
		Set<StepExecution> partitions = splitter.split(manager, gridSize);
		if (partitions.isEmpty()) {
			return partitions;
		}
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(gridSize, partitions.size()), (task) -> {
			Thread thread = new Thread(task, manager.getStepName() + "-partition");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<StepExecution>> running = new ArrayList<>();
			for (StepExecution partition : partitions) {
				running.add(pool.submit(() -> {
					try {
						workers.apply(partition).execute(partition);
					}
					catch (Exception | Error ex) {
						partition.setStatus(BatchStatus.FAILED);
						partition.setExitStatus(ExitStatus.FAILED.addExitDescription(ex));
						partition.addFailureException(ex);
					}
					return partition;
				}));
			}
			List<StepExecution> done = new ArrayList<>();
			for (Future<StepExecution> future : running) {
				done.add(future.get());
			}
			return done;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
