package io.dynamomigrate.job;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.dynamomigrate.dynamodb.client.DynamoDbTarget;
import io.dynamomigrate.dynamodb.capacity.Sleeper;
import io.dynamomigrate.dynamodb.write.BatchWriteItemWriter;
import io.dynamomigrate.dynamodb.write.UnprocessedItemsBackoff;
import io.dynamomigrate.mapping.model.FileSourceSpec;
import io.dynamomigrate.mapping.model.ItemSpec;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.model.TableSpec;
import io.dynamomigrate.metrics.MigrationMetrics;
import io.dynamomigrate.records.RecordRejectedException;
import io.dynamomigrate.records.SourceRecord;
import io.dynamomigrate.report.RejectsFile;
import io.dynamomigrate.source.file.FileSourceReader;
import io.dynamomigrate.source.jdbc.EmbeddedRowsLoader;
import io.dynamomigrate.source.jdbc.JdbcSourceReaderFactory;
import io.dynamomigrate.source.jdbc.KeyRangePartitioner;
import io.dynamomigrate.source.jdbc.ReadWindow;
import io.dynamomigrate.transform.ItemMapper;
import io.dynamomigrate.transform.MappedItem;
import io.dynamomigrate.transform.MappingItemProcessor;
import io.dynamomigrate.transform.RejectSink;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Assembles the Spring Batch job of a mapping: one chunk-oriented step per item
 * definition, in file order, each reading its source with a restartable keyset-paging
 * reader, mapping records to items, and writing them with {@link BatchWriteItemWriter}.
 * An item definition with {@code partitions: N} (a JDBC source with a single-column key)
 * becomes a partitioned step: {@link KeyRangePartitioner} key ranges, run concurrently by
 * {@link PartitionWorkers}, each a worker step {@code <item>:partition<i>} restartable on
 * its own. Rejected records are skipped (counted as process skips) and written to the
 * rejects file; they fail a step only beyond the item definition's {@code maxRejects}
 * ({@link RejectLimitPolicy}). Thread-safe; the job it builds is for one execution.
 */
public final class MigrationJobFactory {

	private final JobRepository jobRepository;

	private final PlatformTransactionManager transactionManager;

	private final DataSource source;

	private final StepWriterFactory writers;

	private final @Nullable MigrationMetrics metrics;

	private PartitionHandlers partitions = PartitionHandlers.LOCAL;

	/**
	 * A factory of jobs whose steps write with the given writers and record Spring
	 * Batch's observations and dynamo-migrate's counters in {@code metrics}.
	 */
	public MigrationJobFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DataSource source, StepWriterFactory writers, @Nullable MigrationMetrics metrics) {
		this.jobRepository = jobRepository;
		this.transactionManager = transactionManager;
		this.source = source;
		this.writers = writers;
		this.metrics = metrics;
	}

	/**
	 * Runs the partitions of partitioned steps with the given handlers (default:
	 * {@link PartitionHandlers#LOCAL}).
	 */
	public MigrationJobFactory partitions(PartitionHandlers handlers) {
		this.partitions = handlers;
		return this;
	}

	private StepBuilder stepBuilder(String name) {
		StepBuilder builder = new StepBuilder(name, jobRepository);
		if (metrics != null) {
			builder.observationRegistry(metrics.observations());
		}
		return builder;
	}

	/**
	 * Writers that put items into DynamoDB within each table's write budget, with a
	 * chunk's batches in flight together on the run's pool, followed by the run's
	 * progress reporter.
	 */
	public static StepWriterFactory dynamoDbWriters(DynamoDbTarget target, UnprocessedItemsBackoff retryPolicy,
			Sleeper sleeper, RunThroughput throughput) {
		return (item, table, rejects) -> throughput.track(item, table,
				BatchWriteItemWriter.builder()
					.client(target.client())
					.direct(target.direct())
					.table(table.name())
					.duplicateKeyPolicy(item.onDuplicateKey())
					.retries(retryPolicy)
					.sleeper(sleeper)
					.rejects(rejects)
					.throughput(throughput.capacity().throughput(table))
					.build());
	}

	/** The job for a mapping, named after it, with rejects going to the given file. */
	public Job create(MappingSpec mapping, RejectsFile rejects) {
		return create(mapping.name(), mapping, rejects);
	}

	/**
	 * The job for a mapping with the given name (e.g. a dry run's), with rejects going to
	 * the given file.
	 */
	public Job create(String jobName, MappingSpec mapping, RejectsFile rejects) {
		return create(jobName, mapping, rejects, IncrementalWindows.none());
	}

	/**
	 * The job for a mapping whose incremental steps read the given windows. An item
	 * definition with {@code deletes.tombstones} gets a step {@code <item>.deletes}
	 * before its own step, so that a key deleted and inserted again ends up written.
	 */
	public Job create(String jobName, MappingSpec mapping, RejectsFile rejects, IncrementalWindows windows) {
		SimpleJobBuilder job = null;
		for (ItemSpec item : mapping.items()) {
			TableSpec table = mapping.table(item.table())
				.orElseThrow(() -> new IllegalArgumentException("No table " + item.table()));
			List<Step> steps = new ArrayList<>(2);
			if (item.changes().tombstones() != null) {
				steps.add(tombstoneStep(jobName, item, table, rejects.forStep(item.deletesStepName()),
						windows.window(item.deletesStepName())));
			}
			steps.add(step(jobName, item, table, rejects.forStep(item.name()), windows.window(item.name())));
			for (Step step : steps) {
				job = job == null ? jobBuilder(jobName).start(step) : job.next(step);
			}
		}
		if (job == null) {
			throw new IllegalArgumentException("A mapping needs at least one item definition");
		}
		for (Step step : writers.finalSteps(jobRepository, transactionManager)) {
			job = job.next(step);
		}
		return job.build();
	}

	private JobBuilder jobBuilder(String jobName) {
		JobBuilder builder = new JobBuilder(jobName, jobRepository);
		if (metrics != null) {
			builder.observationRegistry(metrics.observations());
		}
		return builder;
	}

	/**
	 * The file reader for a file source, else the JDBC keyset-paging reader of the
	 * window's rows.
	 */
	private ItemStreamReader<SourceRecord> reader(ItemSpec item, ReadWindow window) {
		FileSourceSpec file = item.source().file();
		if (file != null) {
			return new FileSourceReader(item.name() + ".reader", file);
		}
		return new JdbcSourceReaderFactory(source).reader(item.name() + ".reader", item.source(), item.chunkSize(),
				null, null, window);
	}

	private Step step(String jobName, ItemSpec item, TableSpec table, RejectSink rejects, ReadWindow window) {
		ItemProcessor<SourceRecord, MappedItem> processor = new MappingItemProcessor(new ItemMapper(item, table));
		if (item.partitions() > 1 && item.source().file() == null && item.source().key().size() == 1) {
			return stepBuilder(item.name()).partitioner(item.name(), new KeyRangePartitioner(source, item.source()))
				.partitionHandler(partitions.handler(item,
						(partition) -> partitionWorker(jobName, item, table, rejects, partition, window)))
				.build();
		}
		return worker(jobName, item, writers.writer(item, table, rejects), rejects, item.name(), reader(item, window),
				processor);
	}

	/**
	 * The worker step of one partition ({@code <item>:partition<i>}) of a mapping's job,
	 * reading the partition's key range from its execution context: what a remote worker
	 * runs.
	 * @throws IllegalArgumentException when no partitioned item definition of the mapping
	 * has the partition
	 */
	public Step partitionStep(String jobName, MappingSpec mapping, StepExecution partition, RejectsFile rejects,
			IncrementalWindows windows) {
		String name = partition.getStepName();
		ItemSpec item = mapping.items()
			.stream()
			.filter((candidate) -> candidate.partitions() > 1 && name.startsWith(candidate.name() + ":"))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("The mapping " + mapping.name()
					+ " has no partitioned item definition with the partition " + name));
		TableSpec table = mapping.table(item.table())
			.orElseThrow(() -> new IllegalArgumentException("No table " + item.table()));
		return partitionWorker(jobName, item, table, rejects.forStep(item.name()), partition,
				windows.window(item.name()));
	}

	private Step partitionWorker(String jobName, ItemSpec item, TableSpec table, RejectSink rejects,
			StepExecution partition, ReadWindow window) {
		return worker(jobName, item, writers.writer(item, table, rejects), rejects, partition.getStepName(),
				reader(item, partition.getExecutionContext(), window),
				new MappingItemProcessor(new ItemMapper(item, table)));
	}

	/**
	 * The step that deletes the items whose keys the tombstone source lists: each row's
	 * key attributes are rendered by the item definition, and duplicate tombstones of one
	 * chunk count as filtered.
	 */
	private Step tombstoneStep(String jobName, ItemSpec item, TableSpec table, RejectSink rejects, ReadWindow window) {
		ItemMapper mapper = new ItemMapper(item, table);
		ItemSpec deletes = item.forTombstones();
		ItemStreamReader<SourceRecord> reader = new JdbcSourceReaderFactory(source).reader(deletes.name() + ".reader",
				deletes.source(), deletes.chunkSize(), null, null, window);
		return worker(jobName, deletes, writers.writer(deletes, table, rejects), rejects, deletes.name(), reader,
				mapper::deletion);
	}

	/** The reader of one key-range partition. */
	private ItemStreamReader<SourceRecord> reader(ItemSpec item, ExecutionContext partition, ReadWindow window) {
		return new JdbcSourceReaderFactory(source).reader(item.name() + ".reader", item.source(), item.chunkSize(),
				partition.get(KeyRangePartitioner.LOWER), partition.get(KeyRangePartitioner.UPPER), window);
	}

	private Step worker(String jobName, ItemSpec item, ItemWriter<MappedItem> writer, RejectSink rejects, String name,
			ItemStreamReader<SourceRecord> reader, ItemProcessor<SourceRecord, MappedItem> processor) {
		RejectLimitPolicy skipPolicy = new RejectLimitPolicy(item.name(), item.maxRejects(), item.chunkSize());
		ChunkOrientedStepBuilder<SourceRecord, MappedItem> step = stepBuilder(name)
			.<SourceRecord, MappedItem>chunk(item.chunkSize())
			.transactionManager(transactionManager)
			.reader(reader)
			.processor(processor)
			.writer(writer)
			.faultTolerant()
			.listener(new StepPositionRecorder(jobRepository))
			.skipPolicy(skipPolicy)
			.listener(skipPolicy)
			.skipListener(new SkipListener<SourceRecord, MappedItem>() {
				@Override
				public void onSkipInProcess(SourceRecord record, Throwable t) {
					rejects.reject((RecordRejectedException) t);
				}

				@Override
				public void onSkipInRead(Throwable t) { // unreadable records of file
														// sources
					rejects.reject((RecordRejectedException) t);
				}
			});
		if (!item.embeds().isEmpty()) {
			step.listener(new EmbeddedRowsLoader(source, item.embeds()));
		}
		if (metrics != null) { // plain steps and partition workers: a partitioned step's
								// manager has no counters
			step.listener(metrics.stepListener(jobName, item.name(), item.table()));
		}
		return step.build();
	}

}
