package io.dynamomigrate.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Counts the runs of one mapping by final status, times them, and remembers when the last
 * successful one ended (as epoch seconds from the injected clock, taken when the run
 * completes). A restart is a run of its own. Thread-safe.
 */
final class RunMeters implements JobExecutionListener {

	private final MeterRegistry registry;

	private final Clock clock;

	private final String mapping;

	private final AtomicLong lastSuccess = new AtomicLong();

	RunMeters(MeterRegistry registry, Clock clock, String mapping) {
		this.registry = registry;
		this.clock = clock;
		this.mapping = mapping;
		Gauge.builder("dynamo_migrate.last.success.timestamp", lastSuccess, AtomicLong::doubleValue)
			.description("When the last successful run of the mapping ended, in seconds since the epoch (0: none yet)")
			.baseUnit("seconds")
			.tag("mapping", mapping)
			.strongReference(true)
			.register(registry);
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		String status = jobExecution.getStatus().name();
		Counter.builder("dynamo_migrate.runs")
			.description("Runs of a mapping by final status")
			.tags("mapping", mapping, "status", status)
			.register(registry)
			.increment();
		LocalDateTime start = jobExecution.getStartTime();
		if (start != null) {
			LocalDateTime end = jobExecution.getEndTime() != null ? jobExecution.getEndTime() : LocalDateTime.now();
			Timer.builder("dynamo_migrate.run")
				.description("Duration of runs of a mapping by final status")
				.tags("mapping", mapping, "status", status)
				.register(registry)
				.record(Duration.between(start, end));
		}
		if (jobExecution.getStatus() == BatchStatus.COMPLETED) {
			lastSuccess.set(clock.instant().getEpochSecond());
		}
	}

}
