package io.dynamomigrate.fleet;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Where one entry of a fleet stands, as {@code fleet status} shows it. Immutable.
 *
 * @param jobName the entry's job
 * @param state COMPLETED, FAILED, STOPPED, STARTED (running, or crashed), or NOT RUN
 * @param execution its latest job execution, or null when none started
 * @param checksum the mapping checksum its latest execution ran with, or null
 * @param read records read, over every execution of its job instance
 * @param written items written
 * @param rejected records rejected
 * @param filtered records filtered by a mapping rule
 * @param duration of its latest execution
 * @param failure the root cause of a failure, as a sentence, or null
 */
public record EntryStatus(String jobName, String state, @Nullable Long execution, @Nullable String checksum, long read,
		long written, long rejected, long filtered, Duration duration, @Nullable String failure) {

	/** The state of an entry that was never attempted. */
	public static final String NOT_RUN = "NOT RUN";

	/** An entry that was never attempted. */
	public static EntryStatus notRun(String jobName) {
		return new EntryStatus(jobName, NOT_RUN, null, null, 0, 0, 0, 0, Duration.ZERO, null);
	}

	/** Whether the entry completed. */
	public boolean completed() {
		return "COMPLETED".equals(state);
	}

	/**
	 * Whether {@code fleet restart} takes it up: it failed, stopped, was left running, or
	 * was never attempted (a fleet run that ended before reaching it).
	 */
	public boolean restartable() {
		return NOT_RUN.equals(state) || "FAILED".equals(state) || "STOPPED".equals(state) || "STARTED".equals(state)
				|| "STOPPING".equals(state) || "STARTING".equals(state);
	}

}
