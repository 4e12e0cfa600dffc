package io.dynamomigrate.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.List;

import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.job.ScheduledRuns;
import io.dynamomigrate.report.RunSummary;
import io.dynamomigrate.report.SummaryPrinter;
import io.dynamomigrate.schedule.ScheduleListener;
import io.dynamomigrate.schedule.ScheduleOptions;
import io.dynamomigrate.schedule.ScheduleService;
import io.dynamomigrate.session.MigrationSession;
import io.dynamomigrate.session.SessionOptions;
import io.dynamomigrate.session.SessionRefusedException;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.support.CronExpression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code schedule}: a long-running process that runs a mapping incrementally on a cron
 * expression ({@link ScheduleService}); prints what every tick did. SIGTERM stops
 * scheduling, lets a running tick stop after its in-flight chunks, and exits.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
		description = {
				"Run the mapping incrementally on a cron schedule, until SIGTERM: each tick first resumes "
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
final class ScheduleCommand extends SessionCommand {

	@Option(names = "--cron", required = true, paramLabel = "EXPRESSION",
			description = "When to run: a cron expression with 5 fields (minute hour day month weekday, e.g. "
					+ "\"*/15 * * * *\") or Spring's 6 fields (with seconds first), or a macro such as @hourly.")
	String cron;

	@Option(names = "--zone", paramLabel = "ZONE",
			description = "Time zone of the cron expression (default: the " + "system's).")
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
	RunOptions options;

	@Override
	SessionOptions session() {
		if (!CronExpression.isValidExpression(springCron(cron))) {
			throw new SessionRefusedException(ExitCodes.INVALID, "The cron expression \"" + cron + "\" is not valid. "
					+ "Write 5 fields (minute hour day month weekday), e.g. --cron \"*/15 * * * *\" for every 15 "
					+ "minutes, or a macro such as @hourly.");
		}
		return options.scheduleSession();
	}

	@Override
	int call(MigrationSession session, PrintWriter out, PrintWriter err) throws Exception {
		ScheduleService service = new ScheduleService(session, options.migration.session().mappingAndSource(),
				new Printer(this, session, out, err), err);
		return service.run(new ScheduleOptions(springCron(cron), zone, runNow, metricsPort, metricsHost)).exitCode();
	}

	/** Spring's cron has seconds first: a 5-field Unix expression runs at second 0. */
	static String springCron(String expression) {
		String trimmed = expression.strip();
		return trimmed.startsWith("@") || trimmed.split("\\s+").length != 5 ? trimmed : "0 " + trimmed;
	}

	/** Prints what the schedule does. */
	private record Printer(ScheduleCommand command, MigrationSession session, PrintWriter out,
			PrintWriter err) implements ScheduleListener {

		@Override
		public void started(@Nullable Integer port) {
			if (port != null) {
				out.printf("Metrics on http://%s:%d/metrics, health on /health%n", command.metricsHost, port);
			}
			out.printf("Scheduling %s on \"%s\" into %s (region %s)%s...%n", session.mapping().name(), command.cron,
					session.targetDescription(), session.targetRegion(), command.runNow ? ", first run now" : "");
			out.flush();
		}

		@Override
		public void ticked(ScheduledRuns.Tick tick) {
			for (RunSummary summary : tick.runs()) {
				SummaryPrinter.print(summary, out);
			}
			out.flush();
		}

		@Override
		public void refused(List<String> lines) {
			lines.forEach(err::println);
			err.flush();
		}

		@Override
		public void stopped() {
			out.printf("Schedule of %s stopped.%n", session.mapping().name());
			out.flush();
		}

	}

}
