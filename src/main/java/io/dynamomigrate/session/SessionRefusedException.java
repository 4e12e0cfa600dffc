package io.dynamomigrate.session;

import java.util.List;

/**
 * A session (or a mode on it) that cannot go on because of its input or of another
 * process, with the lines that say why and the exit code the command ends with: an
 * invalid mapping or command line ({@link io.dynamomigrate.job.ExitCodes#INVALID}), a
 * mapping that another process is running
 * ({@link io.dynamomigrate.job.ExitCodes#ALREADY_RUNNING}). Nothing was done; the command
 * prints the lines (no stack trace: this is not a failure of the tool).
 */
public class SessionRefusedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int exitCode;

	private final List<String> lines;

	public SessionRefusedException(int exitCode, List<String> lines) {
		super(String.join(System.lineSeparator(), lines));
		this.exitCode = exitCode;
		this.lines = List.copyOf(lines);
	}

	public SessionRefusedException(int exitCode, String line) {
		this(exitCode, List.of(line));
	}

	/** The exit code the command ends with. */
	public int exitCode() {
		return exitCode;
	}

	/** What to tell the user, one a line. */
	public List<String> lines() {
		return lines;
	}

}
