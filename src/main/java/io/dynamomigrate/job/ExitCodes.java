package io.dynamomigrate.job;

/**
 * The process exit codes of dynamo-migrate commands. Documented in the README.
 */
public final class ExitCodes {

	/** Everything was written (or, for validate, the mapping is valid). */
	public static final int SUCCESS = 0;

	/** The run failed; its state is saved and it can be restarted. */
	public static final int FAILED = 1;

	/**
	 * The mapping is invalid or the command line is wrong; nothing was read or written.
	 */
	public static final int INVALID = 2;

	/** The run completed, but some records were rejected (see the rejects file). */
	public static final int COMPLETED_WITH_REJECTS = 3;

	/**
	 * The run was stopped ({@code stop} command, or SIGINT/SIGTERM) after its in-flight
	 * chunks; its state is saved and {@code restart} continues it.
	 */
	public static final int STOPPED = 4;

	/**
	 * A second SIGINT/SIGTERM ended the process at once; {@code restart} recovers and
	 * continues the run.
	 */
	public static final int KILLED = 130;

	/**
	 * Another process runs the same mapping (it holds the mapping's {@link RunLease});
	 * nothing was done.
	 */
	public static final int ALREADY_RUNNING = 8;

	private ExitCodes() {
	}

}
