package io.dynamomigrate.distributed;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.dynamomigrate.job.PartitionSteps;
import io.dynamomigrate.job.RecordedMapping;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.session.MigrationSession;
import io.dynamomigrate.session.SessionOptions;
import io.dynamomigrate.session.SessionRefusedException;
import io.dynamomigrate.session.TargetEndpoint;
import org.springframework.batch.core.job.JobExecution;

/**
 * What a worker opens for each execution it runs partitions of, once: the mapping the
 * execution recorded (checksum checked, written to {@code <state-dir>/worker/<id>.yml}
 * and loaded with the worker's own overrides, such as its source password), the source
 * (checked against the mapping), the target, and the partitions' write capacity. A
 * mapping the worker cannot load or check refuses the partition with an
 * {@link IllegalArgumentException} whose message says why. What belongs to executions
 * that ended is closed when another execution is opened, the rest at {@link #close()}.
 * Thread-safe.
 */
final class WorkerJobs implements Function<JobExecution, PartitionSteps>, AutoCloseable {

	private final MigrationSession batch;

	private final WorkerSettings settings;

	private final Map<Long, Opened> opened = new HashMap<>();

	WorkerJobs(MigrationSession batch, WorkerSettings settings) {
		this.batch = batch;
		this.settings = settings;
	}

	@Override
	public synchronized PartitionSteps apply(JobExecution execution) {
		Opened known = opened.get(execution.getId());
		if (known != null) {
			return known.steps();
		}
		closeEnded();
		Opened fresh = open(execution);
		opened.put(execution.getId(), fresh);
		return fresh.steps();
	}

	private Opened open(JobExecution execution) {
		String text = RecordedMapping.text(execution);
		Path file = batch.stateDirectory().resolve("worker").resolve("execution-" + execution.getId() + ".yml");
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		MigrationSession session;
		try {
			session = SessionOptions.in(batch.stateDirectory())
				.mapping(file, settings.overrides())
				.endpoint(settings.endpoint())
				.source()
				.target()
				.open(settings.err());
		}
		catch (SessionRefusedException ex) {
			throw new IllegalArgumentException("This worker cannot run the mapping of execution " + execution.getId()
					+ ": " + String.join(" ", ex.lines()), ex);
		}
		try {
			PartitionSteps steps = batch.runner()
				.writeSettings(PartitionSteps.writeSettings(execution.getJobParameters()))
				.build()
				.partitionSteps(execution, session.mapping(), session.source(), session.target(),
						batch.stateDirectory());
			return new Opened(session, steps);
		}
		catch (RuntimeException ex) {
			session.close();
			throw ex;
		}
	}

	private void closeEnded() {
		for (Iterator<Map.Entry<Long, Opened>> it = opened.entrySet().iterator(); it.hasNext();) {
			Map.Entry<Long, Opened> entry = it.next();
			JobExecution current = batch.jobRepository().getJobExecution(entry.getKey());
			if (current == null || !current.getStatus().isRunning()) {
				entry.getValue().close();
				it.remove();
			}
		}
	}

	@Override
	public synchronized void close() {
		opened.values().forEach(Opened::close);
		opened.clear();
	}

	private record Opened(MigrationSession session, PartitionSteps steps) {

		void close() {
			try {
				steps.close();
			}
			finally {
				session.close();
			}
		}

	}

	/**
	 * How a worker opens executions.
	 *
	 * @param overrides the worker's own overrides of every mapping (source URL, user,
	 * password)
	 * @param endpoint the worker's DynamoDB endpoint choice (wins over the mapping's)
	 * @param err where the worker tells warnings
	 */
	record WorkerSettings(UnaryOperator<MappingSpec> overrides, TargetEndpoint endpoint, PrintWriter err) {
	}

}
