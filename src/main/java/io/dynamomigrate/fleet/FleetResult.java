package io.dynamomigrate.fleet;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import io.dynamomigrate.job.ExitCodes;

/**
 * How a {@code fleet run} or {@code fleet restart} ended: every entry it ran, and how
 * many it left alone. Immutable.
 *
 * @param fleet the fleet's name
 * @param entries the entries run, in fleet order
 * @param notRun entries not run (completed before, or nothing to restart)
 * @param unstarted entries not started because a signal stopped the fleet
 */
public record FleetResult(String fleet, List<FleetService.EntryResult> entries, int notRun, int unstarted) {

	public FleetResult {
		entries = List.copyOf(entries);
	}

	/** The names of the entries that failed (not those a signal stopped). */
	public List<String> failed() {
		return names((status) -> !"COMPLETED".equals(status) && !"STOPPED".equals(status));
	}

	/** The names of the entries a signal stopped after their chunks in flight. */
	public List<String> stopped() {
		return names("STOPPED"::equals);
	}

	private List<String> names(Predicate<String> status) {
		return entries.stream().filter((e) -> status.test(e.status())).map(FleetService.EntryResult::name).toList();
	}

	/**
	 * 0 when every entry run completed without rejects, 3 when some rejected records, 1
	 * when some failed, else 4 when a signal stopped the fleet (entries stopped or not
	 * started).
	 */
	public int exitCode() {
		if (!failed().isEmpty()) {
			return ExitCodes.FAILED;
		}
		if (!stopped().isEmpty() || unstarted > 0) {
			return ExitCodes.STOPPED;
		}
		return entries.stream().anyMatch((e) -> e.exitCode() == ExitCodes.COMPLETED_WITH_REJECTS)
				? ExitCodes.COMPLETED_WITH_REJECTS : ExitCodes.SUCCESS;
	}

	/**
	 * Prints the totals, names the entries that failed, with their root causes, and those
	 * a signal stopped.
	 */
	public void print(PrintWriter out) {
		long read = entries.stream().mapToLong(FleetService.EntryResult::read).sum();
		long written = entries.stream().mapToLong(FleetService.EntryResult::written).sum();
		long rejected = entries.stream().mapToLong(FleetService.EntryResult::rejected).sum();
		List<String> failed = failed();
		List<String> stopped = stopped();
		long completed = entries.stream().filter((e) -> "COMPLETED".equals(e.status())).count();
		out.printf(Locale.ROOT,
				"%nFleet %s: %d entr%s run, %d completed, %d failed%s%s; read %d, written %d, rejected %d.%n", fleet,
				entries.size(), entries.size() == 1 ? "y" : "ies", completed, failed.size(),
				stopped.isEmpty() ? "" : ", " + stopped.size() + " stopped",
				notRun > 0 ? " (" + notRun + " not run)" : "", read, written, rejected);
		if (!failed.isEmpty()) {
			out.printf("Failed entries: %s%n", FleetService.names(failed));
			for (FleetService.EntryResult entry : entries) {
				if (failed.contains(entry.name())) {
					out.printf("  %s (%s): %s%n", entry.name(), entry.status(),
							entry.failure() != null ? entry.failure() : "no failure recorded");
				}
			}
		}
		if (!stopped.isEmpty() || unstarted > 0) {
			out.printf(Locale.ROOT,
					"Stopped by a signal: %d entr%s stopped after their chunks in flight%s, %d not started.%n",
					stopped.size(), stopped.size() == 1 ? "y" : "ies",
					stopped.isEmpty() ? "" : " (" + FleetService.names(stopped) + ")", unstarted);
		}
		if (!failed.isEmpty() || !stopped.isEmpty() || unstarted > 0) {
			out.println("`dynamo-migrate fleet restart` (with the same options) continues only the entries that did "
					+ "not complete.");
		}
		out.printf("Exit code %d%n", exitCode());
		out.flush();
	}

}
