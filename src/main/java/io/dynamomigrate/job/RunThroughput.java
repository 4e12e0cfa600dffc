package io.dynamomigrate.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;

import io.dynamomigrate.dynamodb.capacity.RunWriteCapacity;
import io.dynamomigrate.dynamodb.capacity.Sleeper;
import io.dynamomigrate.dynamodb.capacity.TableLimiters;
import io.dynamomigrate.dynamodb.capacity.WriteCapacityLimiter;
import io.dynamomigrate.dynamodb.write.BatchWriteItemWriter;
import io.dynamomigrate.mapping.model.ItemSpec;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.model.TableSpec;
import io.dynamomigrate.progress.ProgressReporter;
import io.dynamomigrate.progress.RowCounter;
import io.dynamomigrate.progress.StepProgress;
import io.dynamomigrate.report.TableCapacity;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Everything about write throughput for one run: the tables' write-capacity limiters and
 * the shared sender pool ({@link RunWriteCapacity}), and the progress reporter that
 * follows each step's writer. Made after the tables exist (budgets are read with
 * {@code DescribeTable}); {@link #close()} stops the pool and the reporter. Thread-safe.
 */
public final class RunThroughput implements AutoCloseable {

	private final RunWriteCapacity capacity;

	private final @Nullable ProgressReporter progress;

	private final @Nullable RowCounter rows;

	private final ExecutorService counting;

	private final List<TableSpec> tables;

	private final Map<String, List<BatchWriteItemWriter>> byStep = new ConcurrentHashMap<>();

	private RunThroughput(RunWriteCapacity capacity, @Nullable ProgressReporter progress, @Nullable RowCounter rows,
			ExecutorService counting, List<TableSpec> tables) {
		this.capacity = capacity;
		this.progress = progress;
		this.rows = rows;
		this.counting = counting;
		this.tables = tables;
	}

	/**
	 * Resolves budgets and starts progress reporting.
	 * @param warnings where warnings about budgets go (the command line prints them)
	 */
	public static RunThroughput start(DynamoDbClient client, MappingSpec mapping, DataSource source,
			WriteSettings settings, Consumer<String> warnings) {
		return start(client, mapping, source, settings, warnings, null);
	}

	/**
	 * Resolves budgets and starts progress reporting.
	 * @param warnings where warnings about budgets go (the command line prints them)
	 * @param shared the table limiters shared with the other runs of this process (a
	 * fleet's entries), or null for limiters of this run only
	 */
	public static RunThroughput start(DynamoDbClient client, MappingSpec mapping, DataSource source,
			WriteSettings settings, Consumer<String> warnings, @Nullable TableLimiters shared) {
		RunWriteCapacity capacity = shared == null
				? RunWriteCapacity.resolve(client, mapping.tables(), settings.budget(), TableSpec::writeBudget,
						settings.concurrency(), warnings, System::nanoTime, Sleeper.SYSTEM)
				: RunWriteCapacity.resolve(client, mapping.tables(), settings.budget(), TableSpec::writeBudget,
						settings.concurrency(), warnings, shared);
		ProgressReporter progress = ProgressReporter.start(settings.progress(), settings.progressInterval());
		ExecutorService counting = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "row-count");
			thread.setDaemon(true);
			return thread;
		});
		return new RunThroughput(capacity, progress, progress != null ? new RowCounter(source, counting) : null,
				counting, mapping.tables());
	}

	/**
	 * Follows a step's writer in the progress reporter; the writers of a partitioned
	 * step's key ranges add up to one line (and one row count).
	 */
	public BatchWriteItemWriter track(ItemSpec item, TableSpec table, BatchWriteItemWriter writer) {
		if (progress != null && rows != null) {
			List<BatchWriteItemWriter> writers = byStep.computeIfAbsent(item.name(), (name) -> {
				List<BatchWriteItemWriter> all = new CopyOnWriteArrayList<>();
				progress
					.track(new StepProgress(name, table.name(), () -> sum(all, BatchWriteItemWriter::liveItemsWritten),
							() -> sum(all, BatchWriteItemWriter::liveWriteUnits),
							() -> sum(all, BatchWriteItemWriter::liveThrottles),
							capacity.limiter(table.name()).orElse(null), rows.count(item.source())));
				return all;
			});
			writers.add(writer);
		}
		return writer;
	}

	private static long sum(List<BatchWriteItemWriter> writers, ToLongFunction<BatchWriteItemWriter> counter) {
		long sum = 0;
		for (BatchWriteItemWriter writer : writers) {
			sum += counter.applyAsLong(writer);
		}
		return sum;
	}

	public RunWriteCapacity capacity() {
		return capacity;
	}

	/**
	 * Per table: budget, effective rate now, throttles, WCU granted — for the run
	 * summary.
	 */
	public List<TableCapacity> report() {
		List<TableCapacity> report = new ArrayList<>();
		for (TableSpec table : tables) {
			WriteCapacityLimiter limiter = capacity.limiter(table.name()).orElse(null);
			String source = capacity.sources().getOrDefault(table.name(), "");
			report.add(limiter == null ? new TableCapacity(table.name(), 0, source, 0, 0) : new TableCapacity(
					table.name(), limiter.budget(), source, limiter.effectiveRate(), limiter.throttles()));
		}
		return report;
	}

	@Override
	public void close() {
		if (progress != null) {
			progress.close();
		}
		counting.shutdownNow();
		capacity.close();
	}

}
