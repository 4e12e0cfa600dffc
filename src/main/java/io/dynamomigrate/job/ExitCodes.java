package io.dynamomigrate.job;

/**
 * The process exit codes of dynamo-migrate commands. Documented in the README.
 */
public final class ExitCodes {

	/** Everything was written (or, for validate, the mapping is valid). */
	public static final int SUCCESS = 0;

	/** The run failed; its state is saved and it can be restarted. */
	public static final int FAILED = 1;

	/** The mapping is invalid or the command line is wrong; nothing was read or written. */
	public static final int INVALID = 2;

	/** The run completed, but some records were rejected (see the rejects file). */
	public static final int COMPLETED_WITH_REJECTS = 3;

	private ExitCodes() {
	}

}
