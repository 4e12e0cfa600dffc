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
@Command(name = "run", mixinStandardHelpOptions = true, description = {
		"Migrate the source into DynamoDB as the mapping says: check the mapping against the "
				+ "source, create missing tables, then read, map and write every item definition as one step "
				+ "of a Spring Batch job, and print what each step read, wrote, rejected and filtered.",
		"Each run is a new execution; writing is idempotent (puts), so running again gives the same items.",
		"With --incremental, item definitions with `incremental:` read only the rows changed since the last "
				+ "completed run (minus the overlap) and `deletes:` become DeleteRequests: one run for an "
				+ "external scheduler (cron, Kubernetes CronJob, systemd timer); `schedule` runs them itself.",
		"With --via-import s3://bucket/prefix/, new tables are loaded through DynamoDB's Import from S3 "
				+ "instead of writes: the same reading, mapping, validation and rejects, then gzip DynamoDB JSON "
				+ "objects (duplicate keys resolved over the whole run) and a manifest under the prefix, one "
				+ "ImportTable per table (keys, billing mode and GSIs from the mapping; a client token from the "
				+ "run, so `restart` never starts a second import), polled until it ends. Refused for a table "
				+ "that exists and for deletes; streams and TTL are set on the table after the import.",
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

	@Option(names = "--via-import", paramLabel = "S3_PREFIX",
			description = "Load the mapping's tables, which must not exist yet, through Import from S3: stage the "
					+ "items, upload them as gzip DynamoDB JSON under this prefix (s3://bucket/prefix/; "
					+ "--s3-endpoint-url for an S3-compatible store) and import them. Billed per GB of uncompressed "
					+ "data instead of per write; `dry-run` compares both costs.")
	String viaImport;

	@Override
	SessionOptions session() {
		return options.runSession(false).warnings().check(this::checkImport);
	}

	private void checkImport() {
		if (viaImport != null && incremental) {
			throw new IllegalArgumentException(
					"--via-import loads new tables, --incremental changes existing ones. " + "Fix: use one of them.");
		}
	}

	@Override
	int call(MigrationSession session, PrintWriter out, PrintWriter err) {
		out.printf("Migrating %s into %s (region %s)...%n", session.mapping().name(), session.targetDescription(),
				session.targetRegion());
		out.flush();
		try (RemotePartitionHandlers remote = distributed.open(session)) {
			distributed.warnWithoutWorkers(remote, err);
			RunService service = new RunService(session, DistributedOptions.orLocal(remote));
			RunSummary summary = viaImport != null ? service.runViaImport(viaImport, options.s3EndpointUrl())
					: service.run(incremental);
			SummaryPrinter.print(summary, out, options.restartHint());
			PartitionRuns.lines(session.jobRepository(), summary.executionId()).forEach(out::println);
			if (!summary.imports().isEmpty()) {
				out.printf("Imported tables have no streams and no TTL: set them after the import (UpdateTable, "
						+ "UpdateTimeToLive) if the application needs them.%n");
				out.flush();
			}
			return summary.exitCode();
		}
	}

}
