package io.dynamomigrate.cli;

import java.io.PrintWriter;

import io.dynamomigrate.dynamodb.client.LocalDynamoDb;
import io.dynamomigrate.fleet.FleetResult;
import io.dynamomigrate.fleet.FleetService;
import io.dynamomigrate.fleet.LoadedFleet;
import io.dynamomigrate.session.MigrationSession;
import io.dynamomigrate.session.SessionOptions;
import io.dynamomigrate.session.SessionRefusedException;
import io.dynamomigrate.job.ExitCodes;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fleet run} (and, with {@link #restart}, {@code fleet restart}): runs the entries
 * of a fleet N at a time and prints one line per entry and a summary naming the failed
 * ones.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = {
		"Run the entries of a fleet file, N at a time in this process (--concurrency), each as its own "
				+ "job <fleet>.<entry>: check its mapping against its source, create missing tables, migrate.",
		"An entry that fails (its source cannot be opened, too many rejects, DynamoDB refusing) never stops the "
				+ "others; the summary names the failed entries with their root causes, and `fleet restart` "
				+ "continues only those.",
		"Entries whose latest execution completed with the same mapping checksum are skipped unless --force. "
				+ "Entries writing the same table share one write budget (--max-write-capacity or the table's).",
		"SIGINT/SIGTERM stops the fleet: the running entries finish their chunks in flight and end STOPPED, "
				+ "the others are not started, exit code 4; a second signal ends the process at once. "
				+ "`fleet restart` continues both, each after its last committed chunk." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:every entry run completed without rejects",
				"1:some entries failed or stopped (named in the summary); `fleet restart` continues them",
				"2:the fleet file or an entry's mapping is invalid, or the command line is wrong; nothing was run",
				"3:every entry run completed, some with rejected records",
				"4:a signal stopped the fleet (none failed); `fleet restart` continues it" })
class FleetRunCommand extends SessionCommand {

	@Mixin
	FleetOptions fleet;

	@Mixin
	ThroughputOptions throughput;

	@Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
			description = "Entries run at once in this process (default: ${DEFAULT-VALUE}).")
	int concurrency;

	@Option(names = "--force", description = "Run also the entries that completed with the same mapping checksum.")
	boolean force;

	private @Nullable LoadedFleet loaded;

	@Override
	SessionOptions session() {
		if (concurrency < 1 || concurrency > 256) {
			throw new IllegalArgumentException(
					"--concurrency: give 1 to 256 entries at once, not " + concurrency + ".");
		}
		this.loaded = fleet.load();
		return fleet.session().shutdown();
	}

	@Override
	int call(MigrationSession session, PrintWriter out, PrintWriter err) {
		LoadedFleet entries = java.util.Objects.requireNonNull(loaded, "the fleet, loaded with the session");
		try (LocalDynamoDb local = fleet.writesLocally(entries)
				? LocalDynamoDb.start(fleet.state.stateDirectory.resolve("dynalite")) : null) {
			out.printf("Fleet %s: %d entries, %d at a time...%n", entries.spec().name(), entries.entries().size(),
					concurrency);
			out.flush();
			FleetService service = new FleetService(session, entries, fleet.entrySessions(session, local, throughput),
					out, err);
			FleetResult result = restart() ? service.restart(concurrency) : service.run(concurrency, force);
			result.print(out);
			return result.exitCode();
		}
	}

	/** Whether this is {@code fleet restart}. */
	boolean restart() {
		return false;
	}

}
