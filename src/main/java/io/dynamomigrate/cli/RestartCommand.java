package io.dynamomigrate.cli;

import java.io.PrintWriter;

import io.dynamomigrate.job.PartitionRuns;
import io.dynamomigrate.job.remote.RemotePartitionHandlers;
import io.dynamomigrate.report.RunSummary;
import io.dynamomigrate.report.SummaryPrinter;
import io.dynamomigrate.run.RunService;
import io.dynamomigrate.session.MigrationSession;
import io.dynamomigrate.session.SessionOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code restart}: continues the latest failed, stopped or crashed execution of a mapping
 * after the last chunk each step committed.
 */
@Command(name = "restart", mixinStandardHelpOptions = true,
		description = { "Continue the latest execution of the mapping that failed, was stopped, or was left "
				+ "running by a process that is gone (a crash or kill -9, which is recovered first): every step "
				+ "continues after its last committed chunk; completed steps are not run again.",
				"Refused when the mapping file changed since that execution started (the changed lines are shown; "
						+ "`run` starts fresh), and when the execution is still running." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:every record was written or filtered by a mapping rule",
				"1:the run failed again (its state is saved; restart again)",
				"2:nothing to restart, the mapping changed or is invalid, or the command line is wrong",
				"3:the run completed, but some records were rejected (see the rejects file)",
				"4:the run was stopped again; `restart` continues it",
				"8:another process is running this mapping (job repository lease); nothing was done",
				"130:a second signal ended the process at once" })
final class RestartCommand extends SessionCommand {

	@Option(names = "--recover", description = "Treat an execution that is still marked running as crashed even "
			+ "when it ran on another host (make sure that process is gone).")
	boolean recover;

	@Mixin
	RunOptions options;

	@Mixin
	DistributedOptions distributed;

	@Override
	SessionOptions session() {
		return options.runSession(recover);
	}

	@Override
	int call(MigrationSession session, PrintWriter out, PrintWriter err) {
		RunService.Restart restart = new RunService(session).restartable(recover);
		try (RemotePartitionHandlers remote = distributed.open(session)) {
			distributed.warnWithoutWorkers(remote, err);
			out.printf("Restarting execution %d (%s) of %s into %s (region %s)...%n", restart.id(), restart.status(),
					session.mapping().name(), session.targetDescription(), session.targetRegion());
			out.flush();
			RunSummary summary = new RunService(session, DistributedOptions.orLocal(remote)).restart(restart,
					options.s3EndpointUrl());
			SummaryPrinter.print(summary, out, options.restartHint());
			PartitionRuns.lines(session.jobRepository(), summary.executionId()).forEach(out::println);
			return summary.exitCode();
		}
	}

}
