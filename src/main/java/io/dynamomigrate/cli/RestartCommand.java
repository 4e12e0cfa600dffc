package io.dynamomigrate.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.zaxxer.hikari.HikariDataSource;
import io.dynamomigrate.dynamodb.client.DynamoDbTarget;
import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.job.RestartCheck;
import io.dynamomigrate.job.RestartRefusedException;
import io.dynamomigrate.job.RunLease;
import io.dynamomigrate.job.WriteSettings;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.report.RunSummary;
import io.dynamomigrate.report.SummaryPrinter;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code restart}: continues the latest failed, stopped or crashed execution of a mapping after the last chunk
 * each step committed.
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
final class RestartCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "MAPPING", description = "The mapping file (YAML) the execution ran.")
	Path mapping;

	@Option(names = "--recover", description = "Treat an execution that is still marked running as crashed even "
			+ "when it ran on another host (make sure that process is gone).")
	boolean recover;

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
		WriteSettings writeSettings = throughput.settingsOrReport(err);
		if (writeSettings == null) {
			return ExitCodes.INVALID;
		}
		String text = Files.readString(mapping, StandardCharsets.UTF_8);
		try (ConfigurableApplicationContext batch = state.startBatch()) {
			JobRepository repository = batch.getBean(JobRepository.class);
			RunLease lease = Leases.acquireOrReport(batch, loaded.name(), recover, err);
			if (lease == null) {
				return ExitCodes.ALREADY_RUNNING;
			}
			try (lease) {
				return restart(batch, repository, loaded, text, writeSettings, out, err);
			}
		}
	}

	private int restart(ConfigurableApplicationContext batch, JobRepository repository, MappingSpec loaded,
			String text, WriteSettings writeSettings, PrintWriter out, PrintWriter err) throws Exception {
		JobExecution previous;
		try {
			previous = new RestartCheck(repository, batch.getBean(JobOperator.class)).executionToRestart(loaded,
					text, recover);
		}
		catch (RestartRefusedException ex) {
			err.println(ex.getMessage());
			err.flush();
			return ExitCodes.INVALID;
		}
		try (HikariDataSource dataSource = JdbcSourceCheck.open(loaded, mapping, err)) {
			if (dataSource == null) {
				return ExitCodes.INVALID;
			}
			try (DynamoDbTarget dynamodb = target.connect(loaded.dynamodb(), state.stateDirectory, writeSettings);
					GracefulShutdown shutdown = GracefulShutdown.install(repository, err)) {
				out.printf("Restarting execution %d (%s) of %s into %s (region %s)...%n", previous.getId(),
						previous.getStatus(), loaded.name(), dynamodb.description(), dynamodb.region());
				out.flush();
				RunSummary summary = Runners.of(batch, shutdown, writeSettings, err)
					.restart(previous, loaded, dataSource, dynamodb, state.stateDirectory);
				SummaryPrinter.print(summary, out, state.restartHint(mapping));
				return summary.exitCode();
			}
		}
	}

}
