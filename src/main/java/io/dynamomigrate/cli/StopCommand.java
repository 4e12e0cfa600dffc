package io.dynamomigrate.cli;

import java.io.PrintWriter;
import java.util.Set;

import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.session.MigrationSession;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code stop}: asks the running executions of a mapping to stop, from any process that
 * reaches the job repository.
 */
@Command(name = "stop", mixinStandardHelpOptions = true,
		description = { "Ask the running execution of a mapping to stop gracefully: it is marked STOPPING in the job "
				+ "repository, and the running process finishes its chunks in flight, saves its state and exits "
				+ "with 4. `restart` continues it. Returns at once; `status` shows when it has stopped." },
		exitCodeListHeading = "%nExit codes:%n", exitCodeList = { "0:a stop was requested",
				"1:no execution of that mapping is running", "2:the command line is wrong" })
final class StopCommand extends RepositoryCommand {

	@Parameters(index = "0", paramLabel = "MAPPING", description = "The mapping file or the mapping's name.")
	String mapping;

	@Override
	int call(MigrationSession session, PrintWriter out, PrintWriter err) throws Exception {
		String name = StatusCommand.jobName(mapping);
		Set<JobExecution> running = session.jobRepository().findRunningJobExecutions(name);
		if (running.isEmpty()) {
			out.printf("No execution of mapping %s is running.%n", name);
			out.flush();
			return ExitCodes.FAILED;
		}
		JobOperator operator = session.jobOperator();
		for (JobExecution execution : running) {
			try {
				operator.stop(execution);
				out.printf("Stop requested for execution %d of %s; it stops after its chunks in flight.%n",
						execution.getId(), name);
			}
			catch (JobExecutionNotRunningException ex) {
				out.printf("Execution %d of %s is already %s.%n", execution.getId(), name, execution.getStatus());
			}
		}
		out.flush();
		return ExitCodes.SUCCESS;
	}

}
