package io.dynamomigrate.session;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.dynamomigrate.job.ExitCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT / SIGTERM handling of the migrations a command runs (one run, a schedule's
 * ticks, a fleet's entries side by side). The first signal asks every running execution
 * to stop the way {@code stop} does from another process: it marks each execution
 * {@code STOPPING} in the job repository, and every step sees that at its next chunk
 * boundary, so the in-flight chunks finish and commit, the execution ends {@code STOPPED}
 * and the command exits with {@link ExitCodes#STOPPED}. A second signal ends the process
 * at once with {@link ExitCodes#KILLED}; {@code restart} then recovers the execution and
 * continues after the last committed chunk. Installed for the duration of one command
 * ({@link #close()} restores the previous handlers). Thread-safe.
 */
public final class GracefulShutdown implements JobExecutionListener, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(GracefulShutdown.class);

	private final JobRepository jobRepository;

	private final PrintWriter err;

	private final Set<Long> running = ConcurrentHashMap.newKeySet();

	private final AtomicInteger signals = new AtomicInteger();

	private final List<Runnable> restore = new ArrayList<>();

	private final List<Runnable> onStop = new ArrayList<>();

	private GracefulShutdown(JobRepository jobRepository, PrintWriter err) {
		this.jobRepository = jobRepository;
		this.err = err;
	}

	/** Installs handlers for SIGINT and SIGTERM (where the platform has them). */
	public static GracefulShutdown install(JobRepository jobRepository, PrintWriter err) {
		GracefulShutdown shutdown = new GracefulShutdown(jobRepository, err);
		for (String name : List.of("INT", "TERM")) {
			try {
				Signal signal = new Signal(name);
				SignalHandler previous = Signal.handle(signal, shutdown::signalled);
				shutdown.restore.add(() -> Signal.handle(signal, previous));
			}
			catch (IllegalArgumentException ex) {
				logger.debug("Signal {} cannot be handled here: {}", name, ex.getMessage());
			}
		}
		return shutdown;
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		running.add(jobExecution.getId());
		if (signals.get() > 0) {
			// signalled before the job started: the job sees STOPPING and ends STOPPED
			// without running a step
			jobExecution.setStatus(BatchStatus.STOPPING);
		}
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		running.remove(jobExecution.getId());
	}

	private void signalled(Signal signal) {
		if (signals.incrementAndGet() > 1) {
			err.println("Second SIG" + signal.getName() + ": exiting now. `restart` continues after the last "
					+ "committed chunk.");
			err.flush();
			Runtime.getRuntime().halt(ExitCodes.KILLED);
		}
		err.println("SIG" + signal.getName() + ": stopping after the chunks in flight (signal again to exit at "
				+ "once)...");
		err.flush();
		for (Long id : running) {
			try {
				requestStop(id);
			}
			catch (RuntimeException ex) { // the others are still asked to stop
				logger.error("Cannot ask execution {} to stop", id, ex);
			}
		}
		synchronized (onStop) {
			onStop.forEach(Runnable::run);
		}
	}

	/** Also runs {@code action} at the first signal (a scheduler stops scheduling). */
	public void onStop(Runnable action) {
		synchronized (onStop) {
			onStop.add(action);
		}
	}

	/** Whether a signal asked this process to stop. */
	public boolean stopping() {
		return signals.get() > 0;
	}

	private void requestStop(long id) {
		JobExecution current = jobRepository.getJobExecution(id);
		if (current != null && current.getStatus().isRunning()) {
			logger.info("Stop requested [execution={}]", id);
			current.setStatus(BatchStatus.STOPPING);
			current.setExitStatus(ExitStatus.STOPPED);
			jobRepository.update(current);
		}
	}

	@Override
	public void close() {
		restore.forEach(Runnable::run);
	}

}
