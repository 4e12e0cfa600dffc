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
 * {@code run}: migrates the source into DynamoDB as the mapping says, and prints the run
 * summary.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
		description = {
				"Migrate the source into DynamoDB as the mapping says: check the mapping against the "
						+ "source, create missing tables, then read, map and write every item definition as one step "
						+ "of a Spring Batch job, and print what each step read, wrote, rejected and filtered.",
				"Each run is a new execution; writing is idempotent (puts), so running again gives the same items.",
				"With --incremental, item definitions with `incremental:` read only the rows changed since the last "
						+ "completed run (minus the overlap) and `deletes:` become DeleteRequests: one run for an "
						+ "external scheduler (cron, Kubernetes CronJob, systemd timer); `schedule` runs them itself.",
				"SIGINT/SIGTERM (Ctrl-C) stops after the chunks in flight and exits with 4; `restart` continues. A "
						+ "second signal exits at once (130); `restart` recovers and continues after the last "
						+ "committed chunk." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:every record was written or filtered by a mapping rule",
				"1:the run failed (its state is saved in the job repository)",
				"2:the mapping is invalid or the command line is wrong; nothing was written",
				"3:the run completed, but some records were rejected (see the rejects file)",
				"4:the run was stopped (stop command or signal); `restart` continues it",
				"8:another process is running this mapping (job repository lease); nothing was done",
				"130:a second signal ended the process at once; `restart` continues the run" })
final class RunCommand extends SessionCommand {

	@Mixin
	RunOptions options;

	@Mixin
	DistributedOptions distributed;

	@Option(names = "--incremental", description = "Read only the rows changed since the last completed run "
			+ "(item definitions with `incremental:`; the first run reads every row).")
	boolean incremental;

	@Override
	SessionOptions session() {
		return options.runSession(false).warnings();
	}

	@Override
	int call(MigrationSession session, PrintWriter out, PrintWriter err) {
		out.printf("Migrating %s into %s (region %s)...%n", session.mapping().name(), session.targetDescription(),
				session.targetRegion());
		out.flush();
		try (RemotePartitionHandlers remote = distributed.open(session)) {
			distributed.warnWithoutWorkers(remote, err);
			RunSummary summary = new RunService(session, DistributedOptions.orLocal(remote)).run(incremental);
			SummaryPrinter.print(summary, out, options.restartHint());
			PartitionRuns.lines(session.jobRepository(), summary.executionId()).forEach(out::println);
			return summary.exitCode();
		}
	}

}
