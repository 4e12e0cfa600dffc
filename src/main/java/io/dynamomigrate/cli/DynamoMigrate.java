package io.dynamomigrate.cli;

import java.io.PrintWriter;

import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.job.Failures;
import io.dynamomigrate.session.SessionRefusedException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;
import picocli.CommandLine;

/**
 * The command line: {@code java -jar dynamo-migrate.jar <command> [options]}. Commands
 * start Spring (and the job repository) only when they need it, so {@code --help} and
 * {@code validate} are fast.
 */
@Command(name = "dynamo-migrate", mixinStandardHelpOptions = true, version = "dynamo-migrate 0.1.0",
		description = "Migrates relational databases into Amazon DynamoDB with declarative mapping files.",
		subcommands = { RunCommand.class, DryRunCommand.class, VerifyCommand.class, RestartCommand.class,
				StatusCommand.class, StopCommand.class, ScheduleCommand.class, ValidateCommand.class,
				SampleCommand.class, FleetCommand.class, WorkerCommand.class, CommandLine.HelpCommand.class })
public final class DynamoMigrate {

	private DynamoMigrate() {
	}

	public static void main(String[] args) {
		System.exit(execute(args));
	}

	/** Runs a command line and returns its exit code (for tests and embedding). */
	public static int execute(String... args) {
		return commandLine().execute(args);
	}

	/** The configured command line, for embedding and tests. */
	public static CommandLine commandLine() {
		CommandLine commandLine = new CommandLine(new DynamoMigrate());
		commandLine.setExecutionStrategy(DynamoMigrate::executeLogged);
		commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
			PrintWriter err = cmd.getErr();
			if (ex instanceof SessionRefusedException refused) {
				return refused(refused, err);
			}
			err.println("Error: " + Failures.message(ex));
			err.flush();
			return ExitCodes.FAILED;
		});
		return commandLine;
	}

	/**
	 * Runs the command; a command with a state dir logs to its log file meanwhile
	 * ({@link CommandLog}), and an exception it ends with is written there with its stack
	 * trace, while the console shows its message and where the trace is (the trace itself
	 * with {@code --verbose}).
	 */
	private static int executeLogged(ParseResult parseResult) {
		ParseResult command = parseResult;
		while (command.subcommand() != null) {
			command = command.subcommand();
		}
		StateOptions state = stateOptions(command.commandSpec());
		if (state == null || command.isUsageHelpRequested() || command.isVersionHelpRequested()) {
			return new RunLast().execute(parseResult);
		}
		try (CommandLog log = CommandLog.open(state.logFile(), state.verbose)) {
			try {
				return new RunLast().execute(parseResult);
			}
			catch (ExecutionException ex) {
				Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
				if (cause instanceof SessionRefusedException refused) {
					return refused(refused, command.commandSpec().commandLine().getErr());
				}
				log.failure("The command failed", cause);
				PrintWriter err = command.commandSpec().commandLine().getErr();
				err.println("Error: " + Failures.message(cause));
				if (state.verbose) {
					cause.printStackTrace(err);
				}
				else {
					err.println("The stack trace is in " + state.logFile() + " (--verbose shows it here).");
				}
				err.flush();
				return ExitCodes.FAILED;
			}
		}
	}

	/**
	 * The command's {@link StateOptions}, also those of a mixin's mixin; null for a
	 * command without.
	 */
	private static @Nullable StateOptions stateOptions(CommandSpec spec) {
		for (CommandSpec mixin : spec.mixins().values()) {
			StateOptions state = mixin.userObject() instanceof StateOptions own ? own : stateOptions(mixin);
			if (state != null) {
				return state;
			}
		}
		return null;
	}

	/**
	 * Tells why the session was refused (no stack trace: nothing failed), and returns its
	 * exit code.
	 */
	private static int refused(SessionRefusedException refused, PrintWriter err) {
		refused.lines().forEach(err::println);
		err.flush();
		return refused.exitCode();
	}

}
