package io.dynamomigrate.schedule;

import io.dynamomigrate.job.ExitCodes;

/**
 * How a schedule ended.
 *
 * @param lastTickExitCode the exit code of the last tick, {@link ExitCodes#SUCCESS} when
 * none ran
 */
public record ScheduleResult(int lastTickExitCode) {

	/**
	 * {@link ExitCodes#STOPPED} when a signal stopped a running tick, else
	 * {@link ExitCodes#SUCCESS}.
	 */
	public int exitCode() {
		return lastTickExitCode == ExitCodes.STOPPED ? ExitCodes.STOPPED : ExitCodes.SUCCESS;
	}

}
