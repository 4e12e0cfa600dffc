package io.dynamomigrate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.zaxxer.hikari.HikariDataSource;
import io.dynamomigrate.dynamodb.client.DynamoDbTarget;
import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.job.MigrationRunner;
import io.dynamomigrate.job.RunLease;
import io.dynamomigrate.job.WriteSettings;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.report.RunSummary;
import io.dynamomigrate.report.SummaryPrinter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code run}: migrates the source into DynamoDB as the mapping says, and prints the run summary.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
		description = { "Migrate the source into DynamoDB as the mapping says: check the mapping against the "
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
final class RunCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "MAPPING", description = "The mapping file (YAML).")
	Path mapping;

	@Option(names = "--incremental", description = "Read only the rows changed since the last completed run "
			+ "(item definitions with `incremental:`; the first run reads every row).")
	boolean incremental;

	@Mixin
	SourceOptions source;

	@Mixin
	TargetOptions target;

	@Mixin
	StateOptions state;

	@Mixin
	ThroughputOptions throughput;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		MappingSpec loaded = Mappings.loadOrReport(mapping, source, err);
		if (loaded == null) {
			return ExitCodes.INVALID;
		}
		Mappings.warn(loaded, err);
		WriteSettings writeSettings = throughput.settingsOrReport(err);
		if (writeSettings == null) {
			return ExitCodes.INVALID;
		}
		try (HikariDataSource dataSource = JdbcSourceCheck.open(loaded, mapping, err)) {
			if (dataSource == null) {
				return ExitCodes.INVALID;
			}
			try (DynamoDbTarget dynamodb = target.connect(loaded.dynamodb(), state.stateDirectory, writeSettings);
					ConfigurableApplicationContext batch = state.startBatch()) {
				out.printf("Migrating %s into %s (region %s)...%n", loaded.name(), dynamodb.description(),
						dynamodb.region());
				out.flush();
				JobRepository repository = batch.getBean(JobRepository.class);
				RunLease lease = Leases.acquireOrReport(batch, loaded.name(), false, err);
				if (lease == null) {
					return ExitCodes.ALREADY_RUNNING;
				}
				try (lease; GracefulShutdown shutdown = GracefulShutdown.install(repository, err)) {
					MigrationRunner runner = Runners.of(batch, shutdown, writeSettings, err);
					RunSummary summary = runner.run(loaded, dataSource, dynamodb, state.stateDirectory, incremental);
					SummaryPrinter.print(summary, out, state.restartHint(mapping));
					return summary.exitCode();
				}
			}
		}
	}

}
