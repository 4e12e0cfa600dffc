package io.dynamomigrate.cli;

import java.io.PrintWriter;
import java.time.Duration;

import io.dynamomigrate.job.PartitionHandlers;
import io.dynamomigrate.job.remote.RemotePartitionHandlers;
import io.dynamomigrate.job.remote.WorkerRegistry;
import io.dynamomigrate.session.MigrationSession;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --distributed}: this process is the manager of remote partitioning; workers on
 * any machine run the partitions.
 */
final class DistributedOptions {

	@Option(names = "--distributed", description = "Be the manager of a distributed run: the partitions of "
			+ "partitioned item definitions (`partitions: N`) are sent over the broker to `worker` processes and "
			+ "followed in the job repository (which must be one the workers share, e.g. PostgreSQL).")
	boolean distributed;

	@Mixin
	BrokerOptions broker;

	@Option(names = "--worker-timeout", paramLabel = "SECONDS", defaultValue = "30",
			description = "A partition whose worker sent no heartbeat for this long fails (restartably) "
					+ "(default: ${DEFAULT-VALUE}).")
	long workerTimeout = 30;

	@Option(names = "--partition-timeout", paramLabel = "SECONDS", defaultValue = "604800",
			description = "A partitioned step whose partitions have not all ended after this long fails "
					+ "(restartably) (default: ${DEFAULT-VALUE}, a week).")
	long partitionTimeout = 604800;

	/**
	 * The remote partition handlers of a distributed run (connected to the broker), or
	 * null for a run on this process's threads.
	 */
	@Nullable RemotePartitionHandlers open(MigrationSession session) {
		if (!distributed) {
			return null;
		}
		return new RemotePartitionHandlers(broker.broker(), session.jobRepository(),
				WorkerRegistry.reader(session.repositoryDataSource()), new RemotePartitionHandlers.Timeouts(
						Duration.ofSeconds(workerTimeout), Duration.ofSeconds(partitionTimeout)));
	}

	/** Warns when no worker of the queue beats: the partitions wait until one starts. */
	void warnWithoutWorkers(@Nullable RemotePartitionHandlers remote, PrintWriter err) {
		if (remote != null && remote.liveWorkers() == 0) {
			err.println("Warning: no worker of queue " + broker.queue + " has sent a heartbeat in the last "
					+ workerTimeout + " s; the partitions wait in the queue until a `worker` starts.");
			err.flush();
		}
	}

	static PartitionHandlers orLocal(@Nullable RemotePartitionHandlers remote) {
		return remote != null ? remote : PartitionHandlers.LOCAL;
	}

}
