package io.dynamomigrate.dynamodb.write;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.dynamomigrate.mapping.model.DuplicateKeyPolicy;
import io.dynamomigrate.testing.FaultInjectingDynamoDbProxy;
import io.dynamomigrate.testing.FaultPlan;
import io.dynamomigrate.testing.Invariant;
import io.dynamomigrate.transform.MappedItem;
import io.dynamomigrate.transform.RejectSink;
import io.dynamomigrate.dynamodb.client.SendPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static io.dynamomigrate.dynamodb.write.WriterFixtures.item;
import static io.dynamomigrate.dynamodb.write.WriterFixtures.scanKeys;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN.md invariant 2 in a real chunk-oriented step: when DynamoDB keeps returning
 * items as unprocessed past the retry bound, the step fails, and nothing is reported as
 * written that was not.
 */
@Invariant(2)
@ParameterizedClass
@EnumSource(SendPath.class)
class UnprocessedItemsStepFailureIntegrationTests {

	/** Every test runs on both send paths. */
	@Parameter
	SendPath sendPath;

	private WriterFixtures.ProxiedTable target;

	private FaultInjectingDynamoDbProxy proxy;

	private DynamoDbClient client;

	private String table;

	@BeforeEach
	void start() {
		this.target = WriterFixtures.ProxiedTable.create("step", 8, this.sendPath);
		this.proxy = this.target.proxy();
		this.client = this.target.client();
		this.table = this.target.table();
	}

	@AfterEach
	void stop() {
		this.target.close();
	}

	@Test
	void exhaustedRetries_failTheStepAndCountOnlyCommittedChunksAsWritten() throws Exception {
		List<MappedItem> items = IntStream.range(0, 30).mapToObj((i) -> item(this.table, i)).toList();
		WriterFixtures.RecordingSleeper sleeper = new WriterFixtures.RecordingSleeper();
		BatchWriteItemWriter writer = this.target.writer()
			.duplicateKeyPolicy(DuplicateKeyPolicy.LAST_WINS)
			.retries(new UnprocessedItemsBackoff(3, Duration.ofMillis(10), Duration.ofMillis(100)))
			.sleeper(sleeper)
			.rejects(RejectSink.NONE)
			.build();
		JobRepository repository = new ResourcelessJobRepository();
		Step step = new StepBuilder("write", repository).<MappedItem, MappedItem>chunk(10)
			.transactionManager(new ResourcelessTransactionManager())
			.reader(new ListItemReader<>(items))
			.writer(writer)
			.listener(new ChunkListener<MappedItem, MappedItem>() {
				@Override
				public void afterChunk(Chunk<MappedItem> chunk) {
					// from the second chunk on, DynamoDB has no capacity left
					UnprocessedItemsStepFailureIntegrationTests.this.proxy
						.plan(FaultPlan.builder().alwaysUnprocessed(true).build());
				}
			})
			.build();
		JobInstance instance = repository.createJobInstance("migrate", new JobParameters());
		JobExecution jobExecution = repository.createJobExecution(instance, new JobParameters(),
				new ExecutionContext());
		StepExecution stepExecution = repository.createStepExecution("write", jobExecution);

		step.execute(stepExecution);

		assertThat(stepExecution.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(stepExecution.getExitStatus().getExitCode()).isEqualTo(ExitStatus.FAILED.getExitCode());
		assertThat(stepExecution.getFailureExceptions())
			.anySatisfy((failure) -> assertThat(failure).hasRootCauseInstanceOf(UnprocessedItemsException.class)
				.rootCause()
				.hasMessageContaining(this.table));
		assertThat(stepExecution.getWriteCount()).isEqualTo(10);
		assertThat(stepExecution.getCommitCount()).isEqualTo(1);
		assertThat(stepExecution.getRollbackCount()).isEqualTo(1);
		Set<String> firstChunk = items.subList(0, 10)
			.stream()
			.map((item) -> item.key().get("pk").s())
			.collect(Collectors.toSet());
		assertThat(scanKeys(this.client, this.table)).isEqualTo(firstChunk);
		assertThat(this.proxy.forwardedWrites()).isEqualTo(10);
		// one call for the committed chunk, then 1 + 3 for the failed one; only the
		// commit reached the context
		assertThat(this.proxy.batchWriteCalls()).isEqualTo(1 + 1 + 3);
		assertThat(sleeper.delays()).hasSize(3);
		assertThat(stepExecution.getExecutionContext().getLong(WriteCounters.CALLS)).isEqualTo(1);
	}

}
