package io.dynamomigrate.fleet;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import io.dynamomigrate.job.ExitCodes;

/**
 * How a {@code fleet run} or {@code fleet restart} ended: every entry it ran, and how
 * many it left alone. Immutable.
 *
 * @param fleet the fleet's name
 * @param entries the entries run, in fleet order
 * @param notRun entries not run (completed before, or nothing to restart)
 */
public record FleetResult(String fleet, List<FleetService.EntryResult> entries, int notRun) {

	public FleetResult {
		entries = List.copyOf(entries);
	}

	/** The names of the entries that did not complete. */
	public List<String> failed() {
		return entries.stream()
			.filter((e) -> !"COMPLETED".equals(e.status()))
			.map(FleetService.EntryResult::name)
			.toList();
	}

	/**
	 * 0 when every entry run completed without rejects, 3 when some rejected records, 1
	 * when some failed (or stopped).
	 */
	public int exitCode() {
		if (!failed().isEmpty()) {
			return ExitCodes.FAILED;
		}
		return entries.stream().anyMatch((e) -> e.exitCode() == ExitCodes.COMPLETED_WITH_REJECTS)
				? ExitCodes.COMPLETED_WITH_REJECTS : ExitCodes.SUCCESS;
	}

	/** Prints the totals and names the entries that failed, with their root causes. */
	public void print(PrintWriter out) {
		long read = entries.stream().mapToLong(FleetService.EntryResult::read).sum();
		long written = entries.stream().mapToLong(FleetService.EntryResult::written).sum();
		long rejected = entries.stream().mapToLong(FleetService.EntryResult::rejected).sum();
		List<String> failed = failed();
		out.printf(Locale.ROOT,
				"%nFleet %s: %d entr%s run, %d completed, %d failed%s; read %d, written %d, rejected %d.%n", fleet,
				entries.size(), entries.size() == 1 ? "y" : "ies", entries.size() - failed.size(), failed.size(),
				notRun > 0 ? " (" + notRun + " not run)" : "", read, written, rejected);
		if (!failed.isEmpty()) {
			out.printf("Failed entries: %s%n", FleetService.names(failed));
			for (FleetService.EntryResult entry : entries) {
				if (!"COMPLETED".equals(entry.status())) {
					out.printf("  %s (%s): %s%n", entry.name(), entry.status(),
							entry.failure() != null ? entry.failure() : "no failure recorded");
				}
			}
			out.println("`dynamo-migrate fleet restart` (with the same options) continues only these entries.");
		}
		out.printf("Exit code %d%n", exitCode());
		out.flush();
	}

}
