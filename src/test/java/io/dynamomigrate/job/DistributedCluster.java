package io.dynamomigrate.job;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.dynamomigrate.testing.Postgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the distributed tests share: a PostgreSQL source and job repository (schemas of
 * their own, dropped on close), a RabbitMQ queue of this run's own on 127.0.0.1:5672, and
 * {@code worker} JVMs started from the packaged jar (killed on close).
 */
final class DistributedCluster implements AutoCloseable {

	static final String BROKER = "amqp://guest:guest@127.0.0.1:5672";

	final String source;

	final String repository;

	final String queue;

	final List<Process> workers = new ArrayList<>();

	final JarProcesses jar;

	private final Path temp;

	DistributedCluster(Path temp, String name) throws SQLException {
		this.temp = temp;
		this.source = "dm_it_" + name + "_source";
		this.repository = "dm_it_" + name + "_repository";
		this.queue = "dm-it-" + name + "-" + UUID.randomUUID();
		this.jar = new JarProcesses(temp);
		Postgres.recreateSchema(this.source);
		Postgres.recreateSchema(this.repository);
	}

	/**
	 * Starts {@code count} workers writing to {@code endpoint} and waits until each takes
	 * partitions.
	 */
	void startWorkers(int count, URI endpoint) throws Exception {
		for (int i = 0; i < count; i++) {
			workers.add(jar.start(workerLog(i), repository("worker", "--broker", BROKER, "--queue", queue,
					"--endpoint-url", endpoint.toString(), "--state-dir", temp.resolve("worker-" + i).toString())));
		}
		for (int i = 0; i < count; i++) {
			String logName = workerLog(i);
			Process worker = workers.get(i);
			JarProcesses.waitFor(() -> !worker.isAlive() || log(logName).contains("takes partitions from"));
			assertThat(worker.isAlive()).as(log(logName)).isTrue();
		}
	}

	static String workerLog(int worker) {
		return "worker-" + worker + ".log";
	}

	/** The process's log so far, empty while it has none. */
	String log(String logName) {
		try {
			return jar.log(logName);
		}
		catch (IOException ex) {
			return "";
		}
	}

	/** The arguments followed by this cluster's job repository options. */
	List<String> repository(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--repository-url", Postgres.url(repository), "--repository-user", Postgres.USER));
		return all;
	}

	/** A distributed {@code command} (run, restart) of the mapping, as the manager. */
	List<String> manager(String command, Path mapping, URI endpoint) {
		return repository(command, mapping.toString(), "--distributed", "--broker", BROKER, "--queue", queue,
				"--endpoint-url", endpoint.toString(), "--progress", "off", "--state-dir",
				temp.resolve("manager").toString());
	}

	@Override
	public void close() throws SQLException {
		for (Process worker : workers) {
			worker.destroyForcibly();
		}
		Postgres.dropSchema(source);
		Postgres.dropSchema(repository);
	}

}
