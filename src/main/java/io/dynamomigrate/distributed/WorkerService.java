package io.dynamomigrate.distributed;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;

import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.job.remote.Broker;
import io.dynamomigrate.job.remote.RemoteWorker;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.session.MigrationSession;
import io.dynamomigrate.session.TargetEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * {@code worker}: a long-lived process that runs the partitions managers send over the
 * broker ({@link RemoteWorker}), of any mapping, until SIGTERM or SIGINT: then it gives
 * back the requests it has not started, lets its running partitions finish the chunk in
 * flight (they end {@code STOPPED}; {@code restart} continues them), and returns
 * {@link ExitCodes#SUCCESS}. Used by one thread.
 */
public final class WorkerService {

	private static final Logger logger = LoggerFactory.getLogger(WorkerService.class);

	private final MigrationSession batch;

	private final WorkerJobs.WorkerSettings settings;

	/**
	 * @param batch a session with the Spring Batch context on the shared job repository
	 * @param overrides the worker's own overrides of every mapping it runs
	 * @param endpoint the worker's DynamoDB endpoint choice
	 * @param err where warnings and signals are told
	 */
	public WorkerService(MigrationSession batch, UnaryOperator<MappingSpec> overrides, TargetEndpoint endpoint,
			PrintWriter err) {
		this.batch = batch;
		this.settings = new WorkerJobs.WorkerSettings(overrides, endpoint, err);
	}

	/**
	 * Serves partition requests until a signal.
	 * @param started told the worker's id once it takes requests
	 * @throws IllegalStateException (one sentence) when the broker cannot be reached
	 */
	public int serve(Broker broker, int concurrency, java.util.function.Consumer<String> started)
			throws InterruptedException {
		CountDownLatch signalled = new CountDownLatch(1);
		for (String name : List.of("INT", "TERM")) {
			try {
				Signal.handle(new Signal(name), (signal) -> {
					settings.err()
						.println("SIG" + signal.getName() + ": the worker stops after the chunks in flight; "
								+ "its partitions end STOPPED and `restart` continues them.");
					settings.err().flush();
					signalled.countDown();
				});
			}
			catch (IllegalArgumentException ex) {
				logger.debug("Signal {} cannot be handled here: {}", name, ex.getMessage());
			}
		}
		try (WorkerJobs jobs = new WorkerJobs(batch, settings);
				RemoteWorker worker = RemoteWorker.start(broker, batch.jobRepository(), batch.repositoryDataSource(),
						concurrency, jobs)) {
			started.accept(worker.id());
			signalled.await();
			worker.stop();
		}
		return ExitCodes.SUCCESS;
	}

}
