package io.dynamomigrate.cli;

import java.io.PrintWriter;

import io.dynamomigrate.job.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code java -jar dynamo-migrate.jar <command> [options]}. Commands start Spring (and the job
 * repository) only when they need it, so {@code --help} and {@code validate} are fast.
 */
@Command(name = "dynamo-migrate", mixinStandardHelpOptions = true, version = "dynamo-migrate 0.1.0",
		description = "Migrates relational databases into Amazon DynamoDB with declarative mapping files.",
		subcommands = { RunCommand.class, DryRunCommand.class, VerifyCommand.class, RestartCommand.class, StatusCommand.class,
				StopCommand.class, ScheduleCommand.class, ValidateCommand.class, SampleCommand.class,
				CommandLine.HelpCommand.class })
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
		commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
			PrintWriter err = cmd.getErr();
			err.println("Error: " + message(ex));
			err.flush();
			return ExitCodes.FAILED;
		});
		return commandLine;
	}

	private static String message(Throwable ex) {
		Throwable cause = ex;
		while (cause.getMessage() == null && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getName();
	}

}
