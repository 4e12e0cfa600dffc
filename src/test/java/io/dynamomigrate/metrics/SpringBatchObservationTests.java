package io.dynamomigrate.metrics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.dynamomigrate.dynamodb.write.BatchWriteItemWriter;
import io.dynamomigrate.dynamodb.write.WriteCounters;
import io.dynamomigrate.job.BatchInfrastructure;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Spring Batch job on a JDBC job repository (H2 in memory), built with the
 * metrics' observation registry and listeners the way the migration job is, run, failed,
 * restarted, and then scraped over HTTP.
 */
class SpringBatchObservationTests {

	private static final List<String> RECORDS = List.of("put:1", "bad:2", "delete:3", "put:4", "put:5", "put:6",
			"dup:7", "delete:8", "put:9");

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	private final MigrationMetrics metrics = new MigrationMetrics(registry);

	private final AtomicBoolean failOnPut6 = new AtomicBoolean(true);

	@Test
	void metricsEndpoint_servesSpringBatchTimersAndMigrationCountersAfterARunAndItsRestart() throws Exception {
		try (ConfigurableApplicationContext batch = BatchInfrastructure
			.start("jdbc:h2:mem:metrics_observation;DB_CLOSE_DELAY=-1", "sa", null)) {
			JobRepository repository = batch.getBean(JobRepository.class);
			JobOperator operator = batch.getBean(JobOperator.class);
			Job job = job(repository, batch.getBean(PlatformTransactionManager.class));
			batch.getBean(MapJobRegistry.class).register(job);

			JobExecution failed = operator.start(job, new JobParametersBuilder().addLong("run", 1L).toJobParameters());
			assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
			failOnPut6.set(false);
			JobExecution restarted = operator.restart(failed);
			assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		}

		String text;
		try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, registry, () -> Health.up("COMPLETED"))) {
			text = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
		}
		String tags = "{item=\"plays\",mapping=\"music\",table=\"Plays\"}";
		assertThat(text).contains("dynamo_migrate_items_written_total" + tags + " 5.0",
				"dynamo_migrate_deletes_total" + tags + " 2.0", "dynamo_migrate_write_units_total" + tags + " 7.0",
				"dynamo_migrate_throttles_total" + tags + " 5.0", "dynamo_migrate_rejects_total" + tags + " 2.0",
				"dynamo_migrate_runs_total{mapping=\"music\",status=\"FAILED\"} 1.0",
				"dynamo_migrate_runs_total{mapping=\"music\",status=\"COMPLETED\"} 1.0",
				"dynamo_migrate_run_seconds_count{mapping=\"music\",status=\"COMPLETED\"} 1");
		assertThat(text)
			.containsPattern("spring_batch_job_seconds_count\\{[^}]*spring_batch_job_name=\"music\""
					+ "[^}]*spring_batch_job_status=\"COMPLETED\"[^}]*} 1\n")
			.containsPattern("spring_batch_job_seconds_count\\{[^}]*spring_batch_job_status=\"FAILED\"[^}]*} 1\n")
			.containsPattern("spring_batch_step_seconds_count\\{[^}]*spring_batch_step_name=\"plays\"[^}]*} 1\n")
			.contains("spring_batch_item_read_seconds_count{", "spring_batch_item_process_seconds_count{",
					"spring_batch_chunk_write_seconds_count{");
	}

	/** The job as the migration job factory would build it, with the metrics wired in. */
	private Job job(JobRepository repository, PlatformTransactionManager transactionManager) {
		Step step = new StepBuilder("plays", repository).observationRegistry(metrics.observations())
			.<String, String>chunk(2)
			.transactionManager(transactionManager)
			.reader(new Records())
			.processor((record) -> {
				if (record.startsWith("bad:")) {
					throw new IllegalArgumentException("unmappable " + record);
				}
				return record;
			})
			.writer(new CountingWriter())
			.faultTolerant()
			.skipPolicy((failure, skipped) -> failure instanceof IllegalArgumentException)
			.listener(metrics.stepListener("music", "plays", "Plays"))
			.build();
		return new JobBuilder("music", repository).observationRegistry(metrics.observations())
			.listener(metrics.jobListener("music"))
			.start(step)
			.build();
	}

	/**
	 * Reads {@link #RECORDS}, and on restart continues after the last committed chunk.
	 */
	private static final class Records extends AbstractItemCountingItemStreamItemReader<String> {

		private int next;

		Records() {
			setName("records");
		}

		@Override
		protected String doRead() {
			return next < RECORDS.size() ? RECORDS.get(next++) : null;
		}

		@Override
		protected void doOpen() {
			next = 0;
		}

		@Override
		protected void doClose() {
		}

	}

	/**
	 * Keeps counters in the step's context like {@link BatchWriteItemWriter}: one WCU per
	 * put or delete, one throttle per chunk, {@code dup:} records rejected as duplicate
	 * keys. Fails the chunk with {@code put:6} while {@link #failOnPut6} is set.
	 */
	private final class CountingWriter implements ItemWriter<String>, ItemStream {

		private long deletes;

		private long writeUnits;

		private long throttles;

		private long duplicatesRejected;

		@Override
		public void open(ExecutionContext context) {
			deletes = context.getLong(WriteCounters.DELETES, 0);
			writeUnits = context.getLong(WriteCounters.WRITE_UNITS, 0);
			throttles = context.getLong(WriteCounters.THROTTLES, 0);
			duplicatesRejected = context.getLong(WriteCounters.DUPLICATES_REJECTED, 0);
		}

		@Override
		public void write(Chunk<? extends String> chunk) {
			if (failOnPut6.get() && chunk.getItems().contains("put:6")) {
				throw new IllegalStateException("DynamoDB unreachable");
			}
			throttles++;
			for (String record : chunk) {
				if (record.startsWith("dup:")) {
					duplicatesRejected++;
					continue;
				}
				writeUnits++;
				if (record.startsWith("delete:")) {
					deletes++;
				}
			}
		}

		@Override
		public void update(ExecutionContext context) {
			context.putLong(WriteCounters.DELETES, deletes);
			context.putLong(WriteCounters.WRITE_UNITS, writeUnits);
			context.putLong(WriteCounters.THROTTLES, throttles);
			context.putLong(WriteCounters.DUPLICATES_REJECTED, duplicatesRejected);
		}

	}

}
