package io.dynamomigrate.metrics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import io.dynamomigrate.dynamodb.write.WriteCounters;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationMetricsTests {

	private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	private final AtomicReference<Instant> now = new AtomicReference<>(NOW);

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	private final MigrationMetrics metrics = new MigrationMetrics(registry, new Clock() {
		@Override
		public Instant instant() {
			return now.get();
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	});

	@Test
	void stepListener_countsWhatAFirstExecutionDid() {
		StepExecutionListener listener = metrics.stepListener("music", "plays", "Plays");
		StepExecution step = step(new ExecutionContext());
		listener.beforeStep(step);
		step.setWriteCount(50);
		step.setProcessSkipCount(3);
		step.setReadSkipCount(1);
		ExecutionContext context = step.getExecutionContext();
		context.putLong(WriteCounters.DELETES, 5);
		context.putLong(WriteCounters.WRITE_UNITS, 120);
		context.putLong(WriteCounters.THROTTLES, 7);
		context.putLong(WriteCounters.DUPLICATES_DROPPED, 1);
		context.putLong(WriteCounters.DUPLICATES_REJECTED, 2);
		listener.afterStep(step);

		assertThat(count("dynamo_migrate.items.written")).isEqualTo(42);
		assertThat(count("dynamo_migrate.deletes")).isEqualTo(5);
		assertThat(count("dynamo_migrate.write.units")).isEqualTo(120);
		assertThat(count("dynamo_migrate.throttles")).isEqualTo(7);
		assertThat(count("dynamo_migrate.rejects")).isEqualTo(6);
	}

	@Test
	void stepListener_countsOnlyWhatARestartAddedToTheRestoredCounters() {
		StepExecutionListener listener = metrics.stepListener("music", "plays", "Plays");
		ExecutionContext restored = new ExecutionContext();
		restored.putLong(WriteCounters.DELETES, 5);
		restored.putLong(WriteCounters.WRITE_UNITS, 120);
		restored.putLong(WriteCounters.THROTTLES, 7);
		restored.putLong(WriteCounters.DUPLICATES_REJECTED, 2);
		StepExecution restart = step(restored);
		listener.beforeStep(restart);
		restart.setWriteCount(10);
		restart.setProcessSkipCount(1);
		restored.putLong(WriteCounters.DELETES, 6);
		restored.putLong(WriteCounters.WRITE_UNITS, 135);
		restored.putLong(WriteCounters.THROTTLES, 7);
		restored.putLong(WriteCounters.DUPLICATES_REJECTED, 3);
		listener.afterStep(restart);

		assertThat(count("dynamo_migrate.items.written")).isEqualTo(8);
		assertThat(count("dynamo_migrate.deletes")).isEqualTo(1);
		assertThat(count("dynamo_migrate.write.units")).isEqualTo(15);
		assertThat(count("dynamo_migrate.throttles")).isZero();
		assertThat(count("dynamo_migrate.rejects")).isEqualTo(2);
	}

	@Test
	void stepListener_keepsConcurrentPartitionsApart() {
		StepExecutionListener listener = metrics.stepListener("music", "plays", "Plays");
		StepExecution first = step(new ExecutionContext());
		ExecutionContext restored = new ExecutionContext();
		restored.putLong(WriteCounters.WRITE_UNITS, 100);
		StepExecution second = step(restored);
		listener.beforeStep(first);
		listener.beforeStep(second);
		first.getExecutionContext().putLong(WriteCounters.WRITE_UNITS, 10);
		second.getExecutionContext().putLong(WriteCounters.WRITE_UNITS, 130);
		listener.afterStep(second);
		listener.afterStep(first);

		assertThat(count("dynamo_migrate.write.units")).isEqualTo(40);
	}

	@Test
	void prometheusText_namesTheCountersWithTheirTags() {
		StepExecutionListener listener = metrics.stepListener("music", "plays", "Plays");
		StepExecution step = step(new ExecutionContext());
		listener.beforeStep(step);
		step.setWriteCount(42);
		listener.afterStep(step);

		assertThat(registry.scrape()).contains(
				"dynamo_migrate_items_written_total{item=\"plays\",mapping=\"music\",table=\"Plays\"} 42.0",
				"dynamo_migrate_deletes_total{item=\"plays\",mapping=\"music\",table=\"Plays\"} 0.0",
				"dynamo_migrate_write_units_total{item=\"plays\",mapping=\"music\",table=\"Plays\"} 0.0",
				"dynamo_migrate_throttles_total{item=\"plays\",mapping=\"music\",table=\"Plays\"} 0.0",
				"dynamo_migrate_rejects_total{item=\"plays\",mapping=\"music\",table=\"Plays\"} 0.0");
	}

	@Test
	void jobListener_countsRunsByStatusAndRemembersTheLastSuccess() {
		JobExecutionListener listener = metrics.jobListener("music");
		listener.afterJob(job(BatchStatus.FAILED, Duration.ofSeconds(3)));
		now.set(NOW.plusSeconds(60));
		listener.afterJob(job(BatchStatus.COMPLETED, Duration.ofSeconds(5)));

		assertThat(registry.scrape()).contains("dynamo_migrate_runs_total{mapping=\"music\",status=\"FAILED\"} 1.0",
				"dynamo_migrate_runs_total{mapping=\"music\",status=\"COMPLETED\"} 1.0",
				"dynamo_migrate_run_seconds_count{mapping=\"music\",status=\"COMPLETED\"} 1",
				"dynamo_migrate_run_seconds_sum{mapping=\"music\",status=\"COMPLETED\"} 5.0",
				"dynamo_migrate_last_success_timestamp_seconds{mapping=\"music\"} "
						+ (double) NOW.plusSeconds(60).getEpochSecond());
	}

	@Test
	void watermarkLag_isMeasuredWhenScraped() {
		metrics.watermark("music", "plays", NOW.minusSeconds(90));
		assertThat(registry.scrape())
			.contains("dynamo_migrate_watermark_lag_seconds{item=\"plays\",mapping=\"music\"} 90.0");

		now.set(NOW.plusSeconds(30));
		assertThat(registry.scrape())
			.contains("dynamo_migrate_watermark_lag_seconds{item=\"plays\",mapping=\"music\"} 120.0");

		metrics.watermark("music", "plays", NOW.plusSeconds(25));
		assertThat(registry.scrape())
			.contains("dynamo_migrate_watermark_lag_seconds{item=\"plays\",mapping=\"music\"} 5.0");
	}

	@Test
	void numericWatermark_isTheLastValueSet() {
		metrics.watermark("music", "users", new BigDecimal("1200"));
		metrics.watermark("music", "users", new BigDecimal("1234"));

		assertThat(registry.scrape()).contains("dynamo_migrate_watermark{item=\"users\",mapping=\"music\"} 1234.0");
	}

	private double count(String name) {
		return registry.get(name).tags("mapping", "music", "item", "plays", "table", "Plays").counter().count();
	}

	private static StepExecution step(ExecutionContext context) {
		StepExecution step = new StepExecution("plays", job(BatchStatus.STARTED, Duration.ZERO));
		step.setExecutionContext(context);
		return step;
	}

	private static JobExecution job(BatchStatus status, Duration took) {
		JobExecution job = new JobExecution(1L, new JobInstance(1L, "music"), new JobParameters());
		LocalDateTime start = LocalDateTime.of(2026, 3, 1, 11, 0);
		job.setStartTime(start);
		job.setEndTime(start.plus(took));
		job.setStatus(status);
		return job;
	}

}
