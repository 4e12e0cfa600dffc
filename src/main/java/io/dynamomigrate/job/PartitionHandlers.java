package io.dynamomigrate.job;

import java.util.function.Function;

import io.dynamomigrate.mapping.model.ItemSpec;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

/**
 * Who runs the partitions of a partitioned step: threads of this process
 * ({@link #LOCAL}), or remote workers (Spring Batch Integration's remote partitioning,
 * see the {@code job.remote} package).
 */
@FunctionalInterface
public interface PartitionHandlers {

	/** The partitions run on threads of this process, each with its own worker step. */
	PartitionHandlers LOCAL = (item, workers) -> new PartitionWorkers(item.partitions(), workers);

	/**
	 * The handler of an item definition's partitioned step.
	 * @param item the item definition ({@code partitions: N})
	 * @param workers builds the worker step of one partition, for handlers that run it in
	 * this process
	 */
	PartitionHandler handler(ItemSpec item, Function<StepExecution, Step> workers);

}
