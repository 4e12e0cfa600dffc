package io.dynamomigrate.schedule;

import java.util.List;

import io.dynamomigrate.job.ScheduledRuns;
import org.jspecify.annotations.Nullable;

/**
 * What a running schedule tells the command line, as it happens. Called from the
 * schedule's thread and its scheduler's thread, one call at a time.
 */
public interface ScheduleListener {

	/**
	 * The schedule started.
	 * @param metricsPort the port the metrics server listens on, or null without one
	 */
	void started(@Nullable Integer metricsPort);

	/** A tick ran (or skipped, when the mapping was running elsewhere). */
	void ticked(ScheduledRuns.Tick tick);

	/**
	 * A tick ran nothing: the mapping file is invalid or does not fit its source (the
	 * lines say why).
	 */
	void refused(List<String> lines);

	/** The schedule stopped (a signal). */
	void stopped();

}
