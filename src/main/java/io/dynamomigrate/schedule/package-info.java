/**
 * The {@code schedule} mode: incremental runs of a mapping on a cron expression until a
 * signal stops them, with Prometheus metrics and a health check
 * ({@link io.dynamomigrate.schedule.ScheduleResult}).
 */
@NullMarked
package io.dynamomigrate.schedule;

import org.jspecify.annotations.NullMarked;
