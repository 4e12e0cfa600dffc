package io.dynamomigrate.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.dynamomigrate.dynamodb.client.DynamoDbTarget;
import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.job.RunLease;
import io.dynamomigrate.job.ScheduledRuns;
import io.dynamomigrate.job.WriteSettings;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.metrics.Health;
import io.dynamomigrate.metrics.MetricsServer;
import io.dynamomigrate.metrics.MigrationMetrics;
import io.dynamomigrate.report.RunSummary;
import io.dynamomigrate.report.SummaryPrinter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code schedule}: a long-running process that runs a mapping incrementally on a cron expression (Spring's
 * {@link CronTrigger} on a one-thread {@link ThreadPoolTaskScheduler}, so ticks never overlap in this process and
 * the job repository's {@link RunLease} keeps other processes out). Each tick resumes a failed run first
 * ({@link ScheduledRuns}). SIGTERM stops scheduling, lets a running tick stop after its in-flight chunks, and exits.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
		description = { "Run the mapping incrementally on a cron schedule, until SIGTERM: each tick first resumes "
				+ "the mapping's failed or stopped execution (after its last committed chunk), then reads what "
				+ "changed since the last completed run (`incremental:` item definitions; `deletes:` become "
				+ "DeleteRequests).",
				"Ticks never overlap, also across processes pointed at the same job repository (a lease in the "
						+ "repository); a tick that finds the mapping running elsewhere does nothing. The mapping "
						+ "file is read again at each tick.",
				"SIGINT/SIGTERM stops scheduling; a running tick stops after its chunks in flight (exit 4; the "
						+ "next start resumes it). A second signal exits at once (130)." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:stopped by a signal while no run was in progress",
				"2:the mapping or the cron expression is invalid, or the command line is wrong",
				"4:stopped by a signal during a run; the next tick (or `restart`) continues it",
				"130:a second signal ended the process at once" })
final class ScheduleCommand implements Callable<Integer> {

	private static final Logger logger = LoggerFactory.getLogger(ScheduleCommand.class);

	@Parameters(index = "0", paramLabel = "MAPPING", description = "The mapping file (YAML).")
	Path mapping;

	@Option(names = "--cron", required = true, paramLabel = "EXPRESSION",
			description = "When to run: a cron expression with 5 fields (minute hour day month weekday, e.g. "
					+ "\"*/15 * * * *\") or Spring's 6 fields (with seconds first), or a macro such as @hourly.")
	String cron;

	@Option(names = "--zone", paramLabel = "ZONE", description = "Time zone of the cron expression (default: the "
			+ "system's).")
	ZoneId zone;

	@Option(names = "--run-now", description = "Also run once at start, before the first tick.")
	boolean runNow;

	@Option(names = "--metrics-port", paramLabel = "PORT", description = "Serve metrics in Prometheus text format "
			+ "at http://HOST:PORT/metrics and a health check at /health (0: a free port, printed at start; default: "
			+ "no server).")
	Integer metricsPort;

	@Option(names = "--metrics-host", paramLabel = "HOST", defaultValue = "0.0.0.0",
			description = "Address the metrics server listens on (default: ${DEFAULT-VALUE}).")
	String metricsHost;

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
		String expression = springCron(cron);
		if (!CronExpression.isValidExpression(expression)) {
			err.println("The cron expression \"" + cron + "\" is not valid. Write 5 fields (minute hour day month "
					+ "weekday), e.g. --cron \"*/15 * * * *\" for every 15 minutes, or a macro such as @hourly.");
			err.flush();
			return ExitCodes.INVALID;
		}
		MappingSpec loaded = Mappings.loadOrReport(mapping, source, err);
		WriteSettings writeSettings = throughput.settingsOrReport(err);
		if (loaded == null || writeSettings == null) {
			return ExitCodes.INVALID;
		}
		try (DynamoDbTarget dynamodb = target.connect(loaded.dynamodb(), state.stateDirectory, writeSettings);
				ConfigurableApplicationContext batch = state.startBatch()) {
			JobRepository repository = batch.getBean(JobRepository.class);
			CountDownLatch stopped = new CountDownLatch(1);
			AtomicInteger lastExitCode = new AtomicInteger(ExitCodes.SUCCESS);
			PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
			AtomicReference<Health> health = new AtomicReference<>(Health.up("waiting for the first tick"));
			try (GracefulShutdown shutdown = GracefulShutdown.install(repository, err);
					MetricsServer server = metricsPort == null ? null
							: MetricsServer.start(metricsHost, metricsPort, registry, health::get)) {
				shutdown.onStop(stopped::countDown);
				if (server != null) {
					out.printf("Metrics on http://%s:%d/metrics, health on /health%n", metricsHost, server.port());
				}
				ScheduledRuns runs = new ScheduledRuns(
						Runners.of(batch, shutdown, writeSettings, err).withMetrics(new MigrationMetrics(registry)),
						repository, batch.getBean(JobOperator.class), batch.getBean(DataSource.class),
						RunLease.DEFAULT_TTL);
				Runnable tick = () -> {
					if (!shutdown.stopping()) {
						int exitCode = tick(runs, dynamodb, out, err);
						lastExitCode.set(exitCode);
						String detail = "last tick " + Instant.now() + ": exit code " + exitCode;
						health.set(exitCode == ExitCodes.FAILED ? Health.down(detail) : Health.up(detail));
					}
				};
				ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
				scheduler.setThreadNamePrefix("schedule-");
				scheduler.setPoolSize(1);
				scheduler.setWaitForTasksToCompleteOnShutdown(true);
				scheduler.setAwaitTerminationSeconds(Integer.MAX_VALUE);
				scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // the next tick is not awaited
				scheduler.initialize();
				CronTrigger trigger = zone != null ? new CronTrigger(expression, zone) : new CronTrigger(expression);
				out.printf("Scheduling %s on \"%s\" into %s (region %s)%s...%n", loaded.name(), cron,
						dynamodb.description(), dynamodb.region(), runNow ? ", first run now" : "");
				out.flush();
				if (runNow) {
					scheduler.execute(tick);
				}
				scheduler.schedule(tick, trigger);
				stopped.await();
				scheduler.shutdown(); // waits for a running tick, which stops after its chunks in flight
				out.printf("Schedule of %s stopped.%n", loaded.name());
				out.flush();
				return lastExitCode.get() == ExitCodes.STOPPED ? ExitCodes.STOPPED : ExitCodes.SUCCESS;
			}
		}
	}

	/** One tick: reads the mapping again (a broken edit skips the tick), resumes or runs, prints the summaries. */
	private int tick(ScheduledRuns runs, DynamoDbTarget dynamodb, PrintWriter out, PrintWriter err) {
		try {
			MappingSpec loaded = Mappings.loadOrReport(mapping, source, err);
			if (loaded == null) {
				logger.warn("Tick skipped: the mapping {} is invalid (see above); the next tick reads it again",
						mapping);
				return ExitCodes.INVALID;
			}
			String text = Files.readString(mapping, StandardCharsets.UTF_8);
			try (HikariDataSource dataSource = JdbcSourceCheck.open(loaded, mapping, err)) {
				if (dataSource == null) {
					return ExitCodes.INVALID;
				}
				ScheduledRuns.Tick tick = runs.tick(loaded, text, dataSource, dynamodb, state.stateDirectory);
				for (RunSummary summary : tick.runs()) {
					SummaryPrinter.print(summary, out);
				}
				out.flush();
				return tick.exitCode();
			}
		}
		catch (Exception ex) { // a tick's failure never ends the schedule: the next tick resumes
			logger.error("Tick failed: {}", ex.getMessage(), ex);
			return ExitCodes.FAILED;
		}
	}

	/** Spring's cron has seconds first: a 5-field Unix expression runs at second 0. */
	static String springCron(String expression) {
		String trimmed = expression.strip();
		return trimmed.startsWith("@") || trimmed.split("\\s+").length != 5 ? trimmed : "0 " + trimmed;
	}

}
