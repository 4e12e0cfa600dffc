package io.dynamomigrate.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dynamomigrate.job.EventsFixture.Run;
import io.dynamomigrate.testing.FaultInjectingDynamoDbProxy;
import io.dynamomigrate.testing.FaultPlan;
import io.dynamomigrate.testing.Invariant;
import io.dynamomigrate.testing.Postgres;
import io.dynamomigrate.testing.SharedDynalite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Distributed runs on Spring Batch remote partitioning: three {@code worker} JVMs started
 * from the packaged jar take the partitions of a 200,000-row PostgreSQL source
 * ({@code partitions: 6}) that a manager ({@code run --distributed}) sends over the real
 * RabbitMQ on 127.0.0.1:5672 (a queue of this test's own), with the job repository in
 * PostgreSQL. The target, behind a proxy that counts every write per key, must equal the
 * source item by item; {@code status} names the worker of every partition. With one
 * worker killed with {@code kill -9} mid-run, the manager fails its partition after the
 * worker timeout, the run fails restartably, and {@code restart} completes it with the
 * keys written twice bounded by the chunk that worker had in flight.
 */
@Invariant(4)
class DistributedRunIntegrationTests {

	private static final String SOURCE = "dm_it_dist_source";

	private static final String REPOSITORY = "dm_it_dist_repository";

	private static final String BROKER = "amqp://guest:guest@127.0.0.1:5672";

	private static final int ROWS = 200_000;

	private static final int CHUNK = 1000;

	private static final Pattern WORKER = Pattern
		.compile("event:partition\\d\\s+COMPLETED\\s+\\d+\\s+\\d+\\s+(process \\d+ on \\S+)");

	@TempDir
	Path temp;

	private final String queue = "dm-it-dist-" + UUID.randomUUID();

	private final List<Process> workers = new ArrayList<>();

	private FaultInjectingDynamoDbProxy proxy;

	private JarProcesses jar;

	@BeforeEach
	void setUp() throws Exception {
		jar = new JarProcesses(temp);
		Postgres.recreateSchema(SOURCE);
		Postgres.recreateSchema(REPOSITORY);
		EventsFixture.createEvents(SOURCE, "events", ROWS);
		try (var client = SharedDynalite.client()) {
			client.listTables().tableNames().stream().filter(EventsFixture.TABLE::equals).forEach((t) -> {
				client.deleteTable((b) -> b.tableName(t));
			});
		}
		proxy = FaultInjectingDynamoDbProxy.start(SharedDynalite.endpoint(), FaultPlan.none());
	}

	@AfterEach
	void tearDown() throws Exception {
		for (Process worker : workers) {
			worker.destroyForcibly();
		}
		proxy.close();
		Postgres.dropSchema(SOURCE);
		Postgres.dropSchema(REPOSITORY);
	}

	@Test
	void threeWorkers_runTheSixPartitions_targetEqualsSource_statusNamesTheirWorkers_sigtermExitsZero()
			throws Exception {
		startWorkers(3);
		Path mapping = mapping("dist-events");

		Run run = EventsFixture.cli(manager("run", mapping));

		assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.SUCCESS);
		assertThat(run.output()).containsPattern("event\\s+restart_events\\s+COMPLETED\\s+200000\\s+200000\\s+0\\s+0");
		EventsFixture.assertTargetEquals(EventsFixture.expected(ROWS));
		assertThat(proxy.keysWrittenMoreThanOnce(EventsFixture.TABLE)).isZero();
		Run status = EventsFixture.cli(repository("status", "dist-events", "--limit", "1"));
		Set<String> owners = owners(status.output());
		System.out.printf("distributed run: partitions ran on %s%n", owners);
		assertThat(owners).as(status.output()).hasSizeGreaterThanOrEqualTo(2);
		assertThat(status.output()).containsPattern("event\\s+COMPLETED\\s+200000\\s+200000");

		for (Process worker : workers) {
			worker.destroy(); // SIGTERM
		}
		for (int i = 0; i < workers.size(); i++) {
			assertThat(workers.get(i).waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(workers.get(i).exitValue()).as(jar.log("worker-" + i + ".log")).isZero();
		}
	}

	@Test
	void workerKilledMidRun_failsItsPartitionAfterTheTimeout_restartCompletes_reworkBoundedByTheChunkInFlight()
			throws Exception {
		startWorkers(3);
		Path mapping = mapping("dist-kill-events");
		List<String> args = new ArrayList<>(List.of(manager("run", mapping)));
		args.addAll(List.of("--worker-timeout", "8"));
		Process manager = jar.start("manager.log", args);
		jar.killWhen(workers.get(0), () -> proxy.forwardedWrites() >= 40_000, "worker-0.log");
		long writesAtKill = proxy.forwardedWrites();

		assertThat(manager.waitFor(5, TimeUnit.MINUTES)).isTrue();
		String log = jar.log("manager.log");
		assertThat(manager.exitValue()).as(log).isEqualTo(ExitCodes.FAILED);
		assertThat(log).contains("sent no heartbeat for").contains("`restart` runs the partition again");

		Run restart = EventsFixture.cli(manager("restart", mapping));
		assertThat(restart.exitCode()).as(restart.output()).isEqualTo(ExitCodes.SUCCESS);
		EventsFixture.assertTargetEquals(EventsFixture.expected(ROWS));
		long twice = proxy.keysWrittenMoreThanOnce(EventsFixture.TABLE);
		System.out.printf("distributed kill -9: writes at the kill %d; keys written more than once %d; total writes "
				+ "%d for %d rows%n", writesAtKill, twice, proxy.forwardedWrites(), ROWS);
		assertThat(writesAtKill).isLessThan(ROWS);
		assertThat(twice).as("rows written twice: at most the one chunk the killed worker had in flight")
			.isLessThanOrEqualTo(CHUNK);
		assertThat(proxy.forwardedWrites()).isLessThanOrEqualTo(ROWS + CHUNK);
	}

	private Path mapping(String name) throws Exception {
		return EventsFixture.write(temp.resolve(name + ".yml"),
				EventsFixture.mapping(name, SOURCE, "events", CHUNK, "    partitions: 6\n"));
	}

	private void startWorkers(int count) throws Exception {
		for (int i = 0; i < count; i++) {
			List<String> args = new ArrayList<>(List.of("worker", "--broker", BROKER, "--queue", queue,
					"--endpoint-url", proxy.endpoint().toString(), "--repository-url", Postgres.url(REPOSITORY),
					"--repository-user", Postgres.USER, "--state-dir", temp.resolve("worker-" + i).toString()));
			workers.add(jar.start("worker-" + i + ".log", args));
		}
		for (int i = 0; i < count; i++) {
			String logName = "worker-" + i + ".log";
			Process worker = workers.get(i);
			JarProcesses.waitFor(() -> !worker.isAlive() || contains(logName, "takes partitions from"));
			assertThat(worker.isAlive()).as(jar.log(logName)).isTrue();
		}
	}

	private boolean contains(String logName, String text) {
		try {
			return jar.log(logName).contains(text);
		}
		catch (java.io.IOException ex) {
			return false;
		}
	}

	private String[] manager(String command, Path mapping) {
		return repository(command, mapping.toString(), "--distributed", "--broker", BROKER, "--queue", queue,
				"--endpoint-url", proxy.endpoint().toString(), "--progress", "off");
	}

	private String[] repository(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--repository-url", Postgres.url(REPOSITORY), "--repository-user", Postgres.USER,
				"--state-dir", temp.resolve("manager").toString()));
		return all.toArray(String[]::new);
	}

	private static Set<String> owners(String status) {
		Set<String> owners = new HashSet<>();
		Matcher matcher = WORKER.matcher(status);
		while (matcher.find()) {
			owners.add(matcher.group(1).strip());
		}
		return owners;
	}

}
