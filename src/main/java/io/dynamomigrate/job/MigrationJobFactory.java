package io.dynamomigrate.job;

import javax.sql.DataSource;

import io.dynamomigrate.dynamodb.BatchWriteItemWriter;
import io.dynamomigrate.dynamodb.RetryPolicy;
import io.dynamomigrate.dynamodb.Sleeper;
import io.dynamomigrate.mapping.FileSourceSpec;
import io.dynamomigrate.mapping.ItemSpec;
import io.dynamomigrate.mapping.MappingSpec;
import io.dynamomigrate.mapping.TableSpec;
import io.dynamomigrate.report.RejectsFile;
import io.dynamomigrate.source.SourceRecord;
import io.dynamomigrate.source.file.FileSourceReader;
import io.dynamomigrate.source.jdbc.EmbeddedRowsLoader;
import io.dynamomigrate.source.jdbc.JdbcSourceReaderFactory;
import io.dynamomigrate.source.jdbc.KeyRangePartitioner;
import io.dynamomigrate.transform.ItemMapper;
import io.dynamomigrate.transform.MappedItem;
import io.dynamomigrate.transform.MappingItemProcessor;
import io.dynamomigrate.transform.RecordRejectedException;
import io.dynamomigrate.transform.RejectSink;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.transaction.PlatformTransactionManager;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Assembles the Spring Batch job of a mapping: one chunk-oriented step per item definition, in file order, each
 * reading its source with a restartable keyset-paging reader, mapping records to items, and writing them with
 * {@link BatchWriteItemWriter}. An item definition with {@code partitions: N} (a JDBC source with a single-column
 * key) becomes a partitioned step: {@link KeyRangePartitioner} key ranges, run concurrently by
 * {@link PartitionWorkers}, each a worker step {@code <item>:partition<i>} restartable on its own. Rejected
 * records are skipped (counted as process skips) and written to the rejects
 * file; they fail a step only beyond the item definition's {@code maxRejects} ({@link RejectLimitPolicy}).
 * Thread-safe; the job it builds is for one execution.
 */
public final class MigrationJobFactory {

	private final JobRepository jobRepository;

	private final PlatformTransactionManager transactionManager;

	private final DataSource source;

	private final StepWriterFactory writers;

	/** A factory of jobs that write to DynamoDB with {@link BatchWriteItemWriter}. */
	public MigrationJobFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DataSource source, DynamoDbClient client, RetryPolicy retryPolicy, Sleeper sleeper) {
		this(jobRepository, transactionManager, source, dynamoDbWriters(client, retryPolicy, sleeper));
	}

	/** A factory of jobs whose steps write with the given writers. */
	public MigrationJobFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DataSource source, StepWriterFactory writers) {
		this.jobRepository = jobRepository;
		this.transactionManager = transactionManager;
		this.source = source;
		this.writers = writers;
	}

	/** Writers that put items into DynamoDB. */
	public static StepWriterFactory dynamoDbWriters(DynamoDbClient client, RetryPolicy retryPolicy,
			Sleeper sleeper) {
		return (item, table, rejects) -> new BatchWriteItemWriter(client, table.name(), item.onDuplicateKey(),
				retryPolicy, sleeper, rejects);
	}

	/**
	 * Writers that put items into DynamoDB within each table's write budget, with a chunk's batches in flight
	 * together on the run's pool, followed by the run's progress reporter.
	 */
	public static StepWriterFactory dynamoDbWriters(DynamoDbClient client, RetryPolicy retryPolicy, Sleeper sleeper,
			RunThroughput throughput) {
		return (item, table, rejects) -> throughput.track(item, table, new BatchWriteItemWriter(client, table.name(),
				item.onDuplicateKey(), retryPolicy, sleeper, rejects, throughput.capacity().throughput(table)));
	}

	/** The job for a mapping, named after it, with rejects going to the given file. */
	public Job create(MappingSpec mapping, RejectsFile rejects) {
		return create(mapping.name(), mapping, rejects);
	}

	/** The job for a mapping with the given name (e.g. a dry run's), with rejects going to the given file. */
	public Job create(String jobName, MappingSpec mapping, RejectsFile rejects) {
		SimpleJobBuilder job = null;
		for (ItemSpec item : mapping.items()) {
			TableSpec table = mapping.table(item.table())
				.orElseThrow(() -> new IllegalArgumentException("No table " + item.table()));
			Step step = step(item, table, rejects.forStep(item.name()));
			job = job == null ? new JobBuilder(jobName, jobRepository).start(step) : job.next(step);
		}
		if (job == null) {
			throw new IllegalArgumentException("A mapping needs at least one item definition");
		}
		return job.build();
	}

	/** The file reader for a file source, else the JDBC keyset-paging reader. */
	private ItemStreamReader<SourceRecord> reader(ItemSpec item) {
		FileSourceSpec file = item.source().file();
		if (file != null) {
			return new FileSourceReader(item.name() + ".reader", file);
		}
		return new JdbcSourceReaderFactory(source).reader(item.name() + ".reader", item.source(), item.chunkSize());
	}

	Step step(ItemSpec item, TableSpec table, RejectSink rejects) {
		if (item.partitions() > 1 && item.source().file() == null && item.source().key().size() == 1) {
			return new StepBuilder(item.name(), jobRepository)
				.partitioner(item.name(), new KeyRangePartitioner(source, item.source()))
				.partitionHandler(new PartitionWorkers(item.partitions(), (partition) -> worker(item, table, rejects,
						partition.getStepName(), reader(item, partition.getExecutionContext()))))
				.build();
		}
		return worker(item, table, rejects, item.name(), reader(item));
	}

	/** The reader of one key-range partition. */
	private ItemStreamReader<SourceRecord> reader(ItemSpec item, ExecutionContext partition) {
		return new JdbcSourceReaderFactory(source).reader(item.name() + ".reader", item.source(), item.chunkSize(),
				partition.get(KeyRangePartitioner.LOWER), partition.get(KeyRangePartitioner.UPPER));
	}

	private Step worker(ItemSpec item, TableSpec table, RejectSink rejects, String name,
			ItemStreamReader<SourceRecord> reader) {
		RejectLimitPolicy skipPolicy = new RejectLimitPolicy(item.name(), item.maxRejects(), item.chunkSize());
		ChunkOrientedStepBuilder<SourceRecord, MappedItem> step = new StepBuilder(name, jobRepository)
			.<SourceRecord, MappedItem>chunk(item.chunkSize())
			.transactionManager(transactionManager)
			.reader(reader)
			.processor(new MappingItemProcessor(new ItemMapper(item, table)))
			.writer(writers.writer(item, table, rejects))
			.faultTolerant()
			.skipPolicy(skipPolicy)
			.listener(skipPolicy)
			.skipListener(new SkipListener<SourceRecord, MappedItem>() {
				@Override
				public void onSkipInProcess(SourceRecord record, Throwable t) {
					rejects.reject((RecordRejectedException) t);
				}

				@Override
				public void onSkipInRead(Throwable t) { // unreadable records of file sources
					rejects.reject((RecordRejectedException) t);
				}
			});
		if (!item.embeds().isEmpty()) {
			step.listener(new EmbeddedRowsLoader(source, item.embeds()));
		}
		return step.build();
	}

}
