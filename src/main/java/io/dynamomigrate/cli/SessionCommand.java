package io.dynamomigrate.cli;

import java.io.PrintWriter;

import io.dynamomigrate.session.MigrationSession;
import io.dynamomigrate.session.SessionOptions;
import io.dynamomigrate.session.SessionRefusedException;

/**
 * A command that works in a {@link MigrationSession}: it says what the session opens, and
 * is called with it open; the session is closed when the command returns. A refused
 * session ends the command with the refusal's exit code, after printing why
 * ({@link DynamoMigrate}).
 */
abstract class SessionCommand extends PrintingCommand {

	/**
	 * What the session opens.
	 * @throws SessionRefusedException when the command's own options are wrong
	 */
	abstract SessionOptions session();

	/** Runs the command in its open session and returns its exit code. */
	abstract int call(MigrationSession session, PrintWriter out, PrintWriter err) throws Exception;

	@Override
	final int call(PrintWriter out, PrintWriter err) throws Exception {
		try (MigrationSession session = session().open(err)) {
			return call(session, out, err);
		}
	}

}
