package io.dynamomigrate.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import io.dynamomigrate.fleet.EntryStatus;
import io.dynamomigrate.fleet.FleetService;
import io.dynamomigrate.fleet.LoadedFleet;
import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.session.MigrationSession;
import io.dynamomigrate.session.SessionOptions;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code fleet status}: one line per entry of a fleet and the totals, read from the job
 * repository with one query.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
		description = { "Show every entry of a fleet file: the state of its latest attempt (COMPLETED, FAILED, "
				+ "STOPPED, STARTED — running or crashed — or NOT RUN), records read, written and rejected over its "
				+ "executions, the duration of its latest execution, and the root cause of a failure; then the "
				+ "totals. One query over the job repository, however many entries." },
		exitCodeListHeading = "%nExit codes:%n", exitCodeList = { "0:every entry completed",
				"1:some entry has not completed", "2:the fleet file is invalid, or the command line is wrong" })
final class FleetStatusCommand extends SessionCommand {

	@Mixin
	FleetOptions fleet;

	private @Nullable LoadedFleet loaded;

	@Override
	SessionOptions session() {
		this.loaded = fleet.entries();
		return fleet.statusSession();
	}

	@Override
	int call(MigrationSession session, PrintWriter out, PrintWriter err) {
		LoadedFleet entries = java.util.Objects.requireNonNull(loaded, "the fleet, loaded with the session");
		long started = System.nanoTime();
		List<EntryStatus> states = new FleetService(session, entries, (m) -> {
			throw new IllegalStateException("status runs nothing");
		}, out, err).status();
		out.printf(Locale.ROOT, "%-40s %-10s %10s %10s %10s %9s  %s%n", "entry", "state", "read", "written", "rejected",
				"seconds", "failure");
		long read = 0;
		long written = 0;
		long rejected = 0;
		int completed = 0;
		for (int i = 0; i < states.size(); i++) {
			EntryStatus state = states.get(i);
			out.printf(Locale.ROOT, "%-40s %-10s %10d %10d %10d %9.1f  %s%n", entries.entries().get(i).name(),
					state.state(), state.read(), state.written(), state.rejected(),
					state.duration().toMillis() / 1000.0, state.failure() != null ? state.failure() : "");
			read += state.read();
			written += state.written();
			rejected += state.rejected();
			completed += state.completed() ? 1 : 0;
		}
		out.printf(Locale.ROOT, "%-40s %-10s %10d %10d %10d%n", "total", completed + "/" + states.size(), read, written,
				rejected);
		out.printf(Locale.ROOT, "%d of %d entries completed (read from the job repository in %d ms, one query).%n",
				completed, states.size(), (System.nanoTime() - started) / 1_000_000);
		out.flush();
		return completed == states.size() ? ExitCodes.SUCCESS : ExitCodes.FAILED;
	}

}
