package io.dynamomigrate.schedule;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.job.RunLease;
import io.dynamomigrate.job.ScheduledRuns;
import io.dynamomigrate.metrics.Health;
import io.dynamomigrate.metrics.MetricsServer;
import io.dynamomigrate.metrics.MigrationMetrics;
import io.dynamomigrate.session.GracefulShutdown;
import io.dynamomigrate.session.MigrationSession;
import io.dynamomigrate.session.SessionOptions;
import io.dynamomigrate.session.SessionRefusedException;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * {@code schedule} on a session that holds the mapping, the target, the Spring Batch
 * context and shutdown handling: runs the mapping incrementally on a cron expression
 * (Spring's {@link CronTrigger} on a one-thread {@link ThreadPoolTaskScheduler}, so ticks
 * never overlap in this process and the job repository's {@link RunLease} keeps other
 * processes out) until a signal stops it. Each tick reads the mapping file and opens its
 * source again (a session of its own), and resumes a failed run first
 * ({@link ScheduledRuns}). A signal stops scheduling, lets a running tick stop after its
 * in-flight chunks, and ends {@link #run(ScheduleOptions)}.
 */
public final class ScheduleService {

	private static final Logger logger = LoggerFactory.getLogger(ScheduleService.class);

	private final MigrationSession session;

	private final SessionOptions tickOptions;

	private final ScheduleListener listener;

	private final PrintWriter err;

	/**
	 * @param tickOptions what a tick opens: the mapping, read again, and its source
	 * @param err where a tick's session tells warnings
	 */
	public ScheduleService(MigrationSession session, SessionOptions tickOptions, ScheduleListener listener,
			PrintWriter err) {
		this.session = session;
		this.tickOptions = tickOptions;
		this.listener = listener;
		this.err = err;
	}

	/** Runs the schedule until a signal stops it. */
	public ScheduleResult run(ScheduleOptions options) throws Exception {
		GracefulShutdown shutdown = session.shutdown();
		CountDownLatch stopped = new CountDownLatch(1);
		AtomicInteger lastExitCode = new AtomicInteger(ExitCodes.SUCCESS);
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		AtomicReference<Health> health = new AtomicReference<>(Health.up("waiting for the first tick"));
		try (MetricsServer server = options.metricsPort() == null ? null
				: MetricsServer.start(options.metricsHost(), options.metricsPort(), registry, health::get)) {
			shutdown.onStop(stopped::countDown);
			ScheduledRuns runs = new ScheduledRuns(session.runner().metrics(new MigrationMetrics(registry)).build(),
					session.jobRepository(), session.jobOperator(), session.repositoryDataSource(),
					RunLease.DEFAULT_TTL);
			Runnable tick = () -> {
				if (!shutdown.stopping()) {
					int exitCode = tick(runs);
					lastExitCode.set(exitCode);
					String detail = "last tick " + Instant.now() + ": exit code " + exitCode;
					health.set(exitCode == ExitCodes.FAILED ? Health.down(detail) : Health.up(detail));
				}
			};
			ThreadPoolTaskScheduler scheduler = scheduler();
			CronTrigger trigger = options.zone() != null ? new CronTrigger(options.cron(), options.zone())
					: new CronTrigger(options.cron());
			listener.started(server != null ? server.port() : null);
			if (options.runNow()) {
				scheduler.execute(tick);
			}
			scheduler.schedule(tick, trigger);
			stopped.await();
			scheduler.shutdown(); // waits for a running tick, which stops after its
									// chunks in flight
			listener.stopped();
			return new ScheduleResult(lastExitCode.get());
		}
	}

	private static ThreadPoolTaskScheduler scheduler() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setThreadNamePrefix("schedule-");
		scheduler.setPoolSize(1);
		scheduler.setWaitForTasksToCompleteOnShutdown(true);
		scheduler.setAwaitTerminationSeconds(Integer.MAX_VALUE);
		scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // the next
																			// tick is not
																			// awaited
		scheduler.initialize();
		return scheduler;
	}

	/**
	 * One tick: reads the mapping again (a broken edit skips the tick), resumes or runs.
	 */
	private int tick(ScheduledRuns runs) {
		try (MigrationSession tick = tickOptions.open(err)) {
			ScheduledRuns.Tick done = runs.tick(tick.mapping(), tick.mappingText(), tick.source(), session.target(),
					session.stateDirectory());
			listener.ticked(done);
			return done.exitCode();
		}
		catch (SessionRefusedException ex) {
			listener.refused(ex.lines());
			logger.warn("Tick skipped: the mapping {} is invalid (see above); the next tick reads it again",
					session.mapping().file());
			return ex.exitCode();
		}
		catch (Exception ex) { // a tick's failure never ends the schedule: the next tick
								// resumes
			logger.error("Tick failed: {}", ex.getMessage(), ex);
			return ExitCodes.FAILED;
		}
	}

}
