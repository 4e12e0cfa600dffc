package io.dynamomigrate.fleet;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.report.RunSummary;
import io.dynamomigrate.run.RunService;
import io.dynamomigrate.session.GracefulShutdown;
import io.dynamomigrate.session.MigrationSession;
import io.dynamomigrate.session.SessionOptions;
import io.dynamomigrate.session.SessionRefusedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code fleet run}, {@code fleet restart} and {@code fleet status} on a session that
 * holds the job repository: the entries run N at a time on threads of this process, each
 * in a session of its own (its mapping, source, target and run lease) within the fleet's
 * Spring Batch context, as one job named {@code <fleet>.<entry>}. One entry that fails
 * (its source cannot be opened, too many rejects, DynamoDB refusing) never stops the
 * others: its root cause is recorded in the job repository and named in the result. A run
 * skips the entries whose latest execution completed with the same mapping checksum
 * (unless forced); a restart takes up only the failed, stopped and crashed entries, each
 * after its last committed chunk. Used by one thread.
 */
public final class FleetService {

	private static final Logger logger = LoggerFactory.getLogger(FleetService.class);

	private final MigrationSession session;

	private final LoadedFleet fleet;

	private final Function<MappingSpec, SessionOptions> entrySessions;

	private final PrintWriter out;

	private final PrintWriter err;

	/**
	 * @param session the fleet's session (the job repository)
	 * @param fleet the fleet, without problems
	 * @param entrySessions the options of an entry's session, for its mapping (within
	 * {@code session}, with the fleet's shared write limiters)
	 * @param out where a line per entry is printed as it ends
	 * @param err where entry sessions print their warnings
	 */
	public FleetService(MigrationSession session, LoadedFleet fleet,
			Function<MappingSpec, SessionOptions> entrySessions, PrintWriter out, PrintWriter err) {
		this.session = session;
		this.fleet = fleet;
		this.entrySessions = entrySessions;
		this.out = out;
		this.err = err;
	}

	/** Every entry's state, in fleet order: one query over the job repository. */
	public List<EntryStatus> status() {
		Map<String, EntryStatus> known = FleetLedger.in(session.repositoryDataSource())
			.status(fleet.spec().jobPrefix());
		List<EntryStatus> all = new ArrayList<>(fleet.entries().size());
		for (FleetEntry entry : fleet.entries()) {
			EntryStatus status = known.get(entry.jobName());
			all.add(status != null ? status : EntryStatus.notRun(entry.jobName()));
		}
		return all;
	}

	/**
	 * Runs the entries, {@code concurrency} at a time.
	 * @param force run also the entries that completed with the same mapping checksum
	 */
	public FleetResult run(int concurrency, boolean force) {
		List<EntryRun> runs = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		List<EntryStatus> states = status();
		for (int i = 0; i < states.size(); i++) {
			FleetEntry entry = fleet.entries().get(i);
			EntryStatus state = states.get(i);
			MappingSpec mapping = mapping(entry);
			if (!force && state.completed() && mapping.checksum().equals(state.checksum())) {
				skipped.add(entry.name());
			}
			else {
				runs.add(new EntryRun(entry, mapping, false));
			}
		}
		if (!skipped.isEmpty()) {
			out.printf("%d entr%s completed before with the same mapping, not run again (--force runs them): %s%n",
					skipped.size(), skipped.size() == 1 ? "y" : "ies", names(skipped));
		}
		return execute(runs, concurrency, skipped.size());
	}

	/**
	 * Continues the failed, stopped and crashed entries, {@code concurrency} at a time,
	 * each after its last committed chunk (an entry that failed before its job started
	 * runs from the beginning), and runs the entries a killed fleet run never reached.
	 */
	public FleetResult restart(int concurrency) {
		List<EntryRun> runs = new ArrayList<>();
		List<EntryStatus> states = status();
		int untouched = 0;
		for (int i = 0; i < states.size(); i++) {
			EntryStatus state = states.get(i);
			if (state.restartable()) {
				runs.add(new EntryRun(fleet.entries().get(i), mapping(fleet.entries().get(i)),
						state.execution() != null));
			}
			else {
				untouched++;
			}
		}
		if (runs.isEmpty()) {
			out.println("No entry of the fleet failed, stopped, crashed or is still to run: nothing to restart.");
		}
		return execute(runs, concurrency, untouched);
	}

	private FleetResult execute(List<EntryRun> runs, int concurrency, int notRun) {
		FleetLedger ledger = FleetLedger.in(session.repositoryDataSource());
		GracefulShutdown shutdown = session.shutdown();
		List<EntryResult> results = new ArrayList<>();
		int unstarted = 0;
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, concurrency), (task) -> {
			Thread thread = new Thread(task, "fleet-entry");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<EntryResult>> futures = new ArrayList<>();
			for (EntryRun run : runs) {
				// after a signal the running entries stop at their next chunk, and the
				// others are not started
				futures.add(pool.submit(() -> shutdown.stopping() ? null : run(run, ledger)));
			}
			for (Future<EntryResult> future : futures) {
				EntryResult result = future.get();
				if (result != null) {
					results.add(result);
				}
				else {
					unstarted++;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("The fleet run was interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("An entry ended unexpectedly: " + ex.getMessage(), ex);
		}
		finally {
			pool.shutdownNow();
		}
		return new FleetResult(fleet.spec().name(), results, notRun, unstarted);
	}

	/** Runs one entry; whatever happens is its result, never the fleet's end. */
	private EntryResult run(EntryRun run, FleetLedger ledger) {
		String job = run.entry().jobName();
		long started = System.nanoTime();
		EntryResult result;
		try {
			ledger.record(job, "STARTED", null, null);
			try (MigrationSession entry = entrySessions.apply(run.mapping()).open(err)) {
				RunService service = new RunService(entry);
				RunSummary summary = run.restart() ? service.restart(service.restartable(false), null)
						: service.run(false);
				ledger.record(job, summary.status(), summary.executionId(), summary.failure());
				result = EntryResult.of(run.entry().name(), summary);
			}
		}
		catch (SessionRefusedException ex) {
			result = failed(run, ledger, String.join(" ", ex.lines()), ex.exitCode(), started);
		}
		catch (RuntimeException ex) {
			logger.error("Entry {} failed", job, ex);
			result = failed(run, ledger, String.valueOf(ex.getMessage()), ExitCodes.FAILED, started);
		}
		print(result);
		return result;
	}

	private EntryResult failed(EntryRun run, FleetLedger ledger, String failure, int exitCode, long started) {
		try {
			ledger.record(run.entry().jobName(), "FAILED", null, failure);
		}
		catch (RuntimeException ex) {
			logger.error("Cannot record the failure of entry {}", run.entry().jobName(), ex);
		}
		return new EntryResult(run.entry().name(), "FAILED",
				exitCode == ExitCodes.INVALID ? exitCode : ExitCodes.FAILED, 0, 0, 0,
				(System.nanoTime() - started) / 1_000_000, failure);
	}

	private synchronized void print(EntryResult result) {
		out.printf(Locale.ROOT, "entry %s: %s, read %d, written %d, rejected %d, %.1f s%s%n", result.name(),
				result.status(), result.read(), result.written(), result.rejected(), result.millis() / 1000.0,
				result.failure() != null ? ". Failure: " + result.failure() : "");
		out.flush();
	}

	private static MappingSpec mapping(FleetEntry entry) {
		MappingSpec mapping = entry.mapping();
		if (mapping == null) {
			throw new IllegalStateException("Entry " + entry.name() + " has an invalid mapping");
		}
		return mapping;
	}

	static String names(List<String> names) {
		return names.size() <= 20 ? String.join(", ", names)
				: String.join(", ", names.subList(0, 20)) + " and " + (names.size() - 20) + " more";
	}

	private record EntryRun(FleetEntry entry, MappingSpec mapping, boolean restart) {
	}

	/**
	 * How one entry ended in this process.
	 *
	 * @param name the entry
	 * @param status its job's batch status, or FAILED when it could not start
	 * @param exitCode what {@code run} would have exited with
	 * @param read records read
	 * @param written items written
	 * @param rejected records rejected
	 * @param millis how long it took
	 * @param failure the root cause, or null
	 */
	public record EntryResult(String name, String status, int exitCode, long read, long written, long rejected,
			long millis, @Nullable String failure) {

		static EntryResult of(String name, RunSummary summary) {
			return new EntryResult(name, summary.status(), summary.exitCode(), summary.read(), summary.written(),
					summary.rejected(), summary.elapsed().toMillis(), summary.failure());
		}

	}

}
