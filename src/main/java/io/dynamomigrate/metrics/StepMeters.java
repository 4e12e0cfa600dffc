package io.dynamomigrate.metrics;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

import io.dynamomigrate.dynamodb.write.WriteCounters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Adds what one step execution did to the counters of its mapping, item and table. The
 * writer's counters live in the step's execution context and are cumulative over restarts
 * (the context of the failed execution is restored before {@link #beforeStep}), so this
 * remembers them before the step and counts only the difference after it; the step's own
 * counts (writes, skips) start at zero for every execution and are counted as they are.
 * <p>
 * Items written are the step's writes less deletes and the records the writer dropped or
 * rejected for a duplicate key, and rejects are the step's skips plus those duplicate-key
 * rejects, as in the run summary, so that the counters add up like the summary does.
 * Thread-safe: one instance may see several step executions at once.
 */
final class StepMeters implements StepExecutionListener {

	private final Counter written;

	private final Counter deletes;

	private final Counter writeUnits;

	private final Counter throttles;

	private final Counter rejects;

	private final Map<StepExecution, WriteCounters> baselines = Collections.synchronizedMap(new IdentityHashMap<>());

	StepMeters(MeterRegistry registry, String mapping, String item, String table) {
		Tags tags = Tags.of("mapping", mapping, "item", item, "table", table);
		this.written = counter(registry, "dynamo_migrate.items.written", "Items put into DynamoDB", tags);
		this.deletes = counter(registry, "dynamo_migrate.deletes", "Items deleted from DynamoDB", tags);
		this.writeUnits = counter(registry, "dynamo_migrate.write.units",
				"Write capacity units consumed, retries included", tags);
		this.throttles = counter(registry, "dynamo_migrate.throttles",
				"BatchWriteItem calls or batches DynamoDB throttled", tags);
		this.rejects = counter(registry, "dynamo_migrate.rejects",
				"Source records rejected (unreadable, unmappable or a rejected duplicate key)", tags);
	}

	private static Counter counter(MeterRegistry registry, String name, String description, Tags tags) {
		return Counter.builder(name).description(description).tags(tags).register(registry);
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		baselines.put(stepExecution, WriteCounters.from(stepExecution.getExecutionContext()));
	}

	@Override
	public @Nullable ExitStatus afterStep(StepExecution stepExecution) {
		WriteCounters before = baselines.remove(stepExecution);
		WriteCounters after = WriteCounters.from(stepExecution.getExecutionContext());
		WriteCounters delta = before == null ? after : after.minus(before);
		add(written, stepExecution.getWriteCount() - delta.deletes() - delta.duplicates());
		add(deletes, delta.deletes());
		add(writeUnits, delta.writeUnits());
		add(throttles, delta.throttles());
		add(rejects, stepExecution.getSkipCount() + delta.duplicatesRejected());
		return null;
	}

	/**
	 * Counters only go up: a negative difference (a context that went back) counts
	 * nothing.
	 */
	private static void add(Counter counter, long amount) {
		if (amount > 0) {
			counter.increment(amount);
		}
	}

}
