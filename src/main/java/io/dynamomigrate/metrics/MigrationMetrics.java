package io.dynamomigrate.metrics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;

/**
 * The metrics of migration runs, recorded in one Micrometer {@link MeterRegistry}:
 * <ul>
 * <li>per mapping, item and table (from {@link #stepListener}):
 * {@code dynamo_migrate.items.written}, {@code dynamo_migrate.deletes},
 * {@code dynamo_migrate.write.units} (WCU consumed), {@code dynamo_migrate.throttles} and
 * {@code dynamo_migrate.rejects}, which Prometheus shows as
 * {@code dynamo_migrate_items_written_total} and so on;</li>
 * <li>per mapping (from {@link #jobListener}): {@code dynamo_migrate.runs} by status, the
 * {@code dynamo_migrate.run} timer and
 * {@code dynamo_migrate.last.success.timestamp};</li>
 * <li>per mapping and item (from {@link #watermark}):
 * {@code dynamo_migrate.watermark.lag} (seconds between a timestamp watermark and now,
 * computed when scraped) or {@code dynamo_migrate.watermark} (a numeric one);</li>
 * <li>Spring Batch's own observations ({@code spring.batch.job},
 * {@code spring.batch.step}, {@code spring.batch.item.read},
 * {@code spring.batch.item.process}, {@code spring.batch.chunk.write}) as timers, when
 * jobs and steps are built with {@link #observations()}.</li>
 * </ul>
 * Counters survive restarts correctly: only what an execution added to its step's
 * restored counters is counted. Thread-safe.
 */
public final class MigrationMetrics {

	private final MeterRegistry registry;

	private final Clock clock;

	private final ObservationRegistry observations;

	private final Map<List<String>, AtomicReference<Instant>> timestampWatermarks = new ConcurrentHashMap<>();

	private final Map<List<String>, AtomicReference<BigDecimal>> numericWatermarks = new ConcurrentHashMap<>();

	/** Metrics in the given registry, with the system clock. */
	public MigrationMetrics(MeterRegistry registry) {
		this(registry, Clock.systemUTC());
	}

	/**
	 * @param registry where the meters are registered (a {@code PrometheusMeterRegistry}
	 * for the metrics port)
	 * @param clock the clock watermark lag and the last success time are measured with
	 */
	public MigrationMetrics(MeterRegistry registry, Clock clock) {
		this.registry = registry;
		this.clock = clock;
		this.observations = ObservationRegistry.create();
		this.observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(registry));
	}

	/**
	 * A listener for one chunk-oriented step (or one partition's worker step) that adds
	 * what each of its executions did to the counters tagged with the given mapping, item
	 * and table. The counters are registered now, at zero.
	 */
	public StepExecutionListener stepListener(String mapping, String item, String table) {
		return new StepMeters(registry, mapping, item, table);
	}

	/** A listener for a mapping's job that counts and times its runs. */
	public JobExecutionListener jobListener(String mapping) {
		return new RunMeters(registry, clock, mapping);
	}

	/**
	 * Sets an item's timestamp watermark (the last value seen of its incremental column);
	 * the gauge {@code dynamo_migrate.watermark.lag} reports the seconds from it to now
	 * each time it is read.
	 */
	public void watermark(String mapping, String item, Instant value) {
		set(timestampWatermarks, mapping, item, value,
				(watermark) -> Gauge.builder("dynamo_migrate.watermark.lag", watermark, this::lagSeconds)
					.description("Seconds between an item's timestamp watermark and now")
					.baseUnit("seconds"));
	}

	/**
	 * Sets an item's numeric watermark (e.g. the highest id seen), reported by the gauge
	 * {@code dynamo_migrate.watermark} (as a double, so very large ids lose precision in
	 * the metric only).
	 */
	public void watermark(String mapping, String item, BigDecimal value) {
		set(numericWatermarks, mapping, item, value,
				(watermark) -> Gauge.builder("dynamo_migrate.watermark", watermark, (ref) -> ref.get().doubleValue())
					.description("An item's numeric watermark"));
	}

	/**
	 * Sets an item's watermark, registering its gauge (tagged with the mapping and item)
	 * the first time.
	 */
	private <T> void set(Map<List<String>, AtomicReference<T>> watermarks, String mapping, String item, T value,
			Function<AtomicReference<T>, Gauge.Builder<AtomicReference<T>>> gauge) {
		watermarks.computeIfAbsent(List.of(mapping, item), (key) -> {
			AtomicReference<T> watermark = new AtomicReference<>(value);
			gauge.apply(watermark).tags("mapping", mapping, "item", item).strongReference(true).register(registry);
			return watermark;
		}).set(value);
	}

	private double lagSeconds(AtomicReference<Instant> watermark) {
		return Duration.between(watermark.get(), clock.instant()).toMillis() / 1000.0;
	}

	/**
	 * An observation registry that records Spring Batch's observations as timers in this
	 * registry; give it to {@code JobBuilder.observationRegistry(..)} and
	 * {@code StepBuilder.observationRegistry(..)} (Spring Batch 6 takes no meter
	 * registry: its metrics are all observations).
	 */
	public ObservationRegistry observations() {
		return observations;
	}

}
