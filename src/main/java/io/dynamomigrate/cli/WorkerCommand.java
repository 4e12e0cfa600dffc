package io.dynamomigrate.cli;

import java.io.PrintWriter;

import io.dynamomigrate.distributed.WorkerService;
import io.dynamomigrate.session.MigrationSession;
import io.dynamomigrate.session.SessionOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code worker}: runs the partitions that managers ({@code run --distributed}) send over
 * the broker, until SIGTERM.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
		description = { "Run partitions of distributed runs (`run --distributed`), of any mapping, until SIGTERM or "
				+ "SIGINT: take a partition request from the broker's queue, build its step from the mapping the "
				+ "execution recorded in the job repository (checksum checked; a mapping this worker cannot load "
				+ "fails the partition with the reason), run it, take the next one. The worker registers with a "
				+ "heartbeat in the job repository; the manager fails the partitions of a worker that stops beating.",
				"SIGTERM: the worker finishes the chunks in flight, its partitions end STOPPED (`restart` continues "
						+ "them) and it exits with 0.",
				"The mapping's secrets are not in the job repository: give the source password with "
						+ "--source-password or DYNAMO_MIGRATE_SOURCE_PASSWORD." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:stopped by a signal after the chunks in flight",
				"1:the broker or the job repository cannot be reached, or the worker failed",
				"2:the command line is wrong" })
final class WorkerCommand extends SessionCommand {

	@Mixin
	StateOptions state;

	@Mixin
	BrokerOptions broker;

	@Mixin
	SourceOptions source;

	@Mixin
	TargetOptions target;

	@Option(names = "--concurrency", paramLabel = "N", defaultValue = "1",
			description = "Partitions this worker runs at once (default: ${DEFAULT-VALUE}).")
	int concurrency = 1;

	@Override
	SessionOptions session() {
		broker.broker(); // refuses a missing or malformed broker before anything opens
		return state.session().batch(state.repository());
	}

	@Override
	int call(MigrationSession session, PrintWriter out, PrintWriter err) throws Exception {
		return new WorkerService(session, source::apply, target.endpoint(state.stateDirectory), err)
			.serve(broker.broker(), concurrency, (id) -> {
				out.printf("Worker %s takes partitions from %s; SIGTERM stops it after the chunks in flight.%n", id,
						broker.broker());
				out.flush();
			});
	}

}
