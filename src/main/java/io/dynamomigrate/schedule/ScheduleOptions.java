package io.dynamomigrate.schedule;

import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

/**
 * When a schedule runs, and where it serves its metrics.
 *
 * @param cron a cron expression in Spring's form (six fields, seconds first, or a macro)
 * @param zone the expression's time zone, or null for the system's
 * @param runNow whether to run once at start, before the first tick
 * @param metricsPort the port of the Prometheus metrics and health server (0: a free
 * one), or null for no server
 * @param metricsHost the address the metrics server listens on
 */
public record ScheduleOptions(String cron, @Nullable ZoneId zone, boolean runNow, @Nullable Integer metricsPort,
		String metricsHost) {
}
