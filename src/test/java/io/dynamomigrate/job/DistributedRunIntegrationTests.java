package io.dynamomigrate.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dynamomigrate.job.EventsFixture.Run;
import io.dynamomigrate.testing.FaultInjectingDynamoDbProxy;
import io.dynamomigrate.testing.FaultPlan;
import io.dynamomigrate.testing.Invariant;
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

	private static final int ROWS = 200_000;

	private static final int CHUNK = 1000;

	private static final Pattern WORKER = Pattern
		.compile("event:partition\\d\\s+COMPLETED\\s+\\d+\\s+\\d+\\s+(process \\d+ on \\S+)");

	@TempDir
	Path temp;

	private DistributedCluster cluster;

	private FaultInjectingDynamoDbProxy proxy;

	@BeforeEach
	void setUp() throws Exception {
		cluster = new DistributedCluster(temp, "dist");
		EventsFixture.createEvents(cluster.source, "events", ROWS);
		try (var client = SharedDynalite.client()) {
			client.listTables().tableNames().stream().filter(EventsFixture.TABLE::equals).forEach((t) -> {
				client.deleteTable((b) -> b.tableName(t));
			});
		}
		proxy = FaultInjectingDynamoDbProxy.start(SharedDynalite.endpoint(), FaultPlan.none());
	}

	@AfterEach
	void tearDown() throws Exception {
		cluster.close();
		proxy.close();
	}

	@Test
	void threeWorkers_runTheSixPartitions_targetEqualsSource_statusNamesTheirWorkers_sigtermExitsZero()
			throws Exception {
		cluster.startWorkers(3, proxy.endpoint());
		Path mapping = mapping("dist-events");

		Run run = EventsFixture.cli(manager("run", mapping));

		assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.SUCCESS);
		assertThat(run.output()).containsPattern("event\\s+restart_events\\s+COMPLETED\\s+200000\\s+200000\\s+0\\s+0");
		EventsFixture.assertTargetEquals(EventsFixture.expected(ROWS));
		assertThat(proxy.keysWrittenMoreThanOnce(EventsFixture.TABLE)).isZero();
		Run status = EventsFixture.cli(cluster
			.repository("status", "dist-events", "--limit", "1", "--state-dir", temp.resolve("manager").toString())
			.toArray(String[]::new));
		Set<String> owners = owners(status.output());
		System.out.printf("distributed run: partitions ran on %s%n", owners);
		assertThat(owners).as(status.output()).hasSizeGreaterThanOrEqualTo(2);
		assertThat(status.output()).containsPattern("event\\s+COMPLETED\\s+200000\\s+200000");

		for (Process worker : cluster.workers) {
			worker.destroy(); // SIGTERM
		}
		for (int i = 0; i < cluster.workers.size(); i++) {
			assertThat(cluster.workers.get(i).waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(cluster.workers.get(i).exitValue()).as(cluster.log(DistributedCluster.workerLog(i))).isZero();
		}
	}

	@Test
	void workerKilledMidRun_failsItsPartitionAfterTheTimeout_restartCompletes_reworkBoundedByTheChunkInFlight()
			throws Exception {
		cluster.startWorkers(3, proxy.endpoint());
		Path mapping = mapping("dist-kill-events");
		List<String> args = new ArrayList<>(cluster.manager("run", mapping, proxy.endpoint()));
		args.addAll(List.of("--worker-timeout", "8"));
		Process manager = cluster.jar.start("manager.log", args);
		cluster.jar.killWhen(cluster.workers.get(0), () -> proxy.forwardedWrites() >= 40_000, "worker-0.log");
		long writesAtKill = proxy.forwardedWrites();

		assertThat(manager.waitFor(5, TimeUnit.MINUTES)).isTrue();
		String log = cluster.log("manager.log");
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
				EventsFixture.mapping(name, cluster.source, "events", CHUNK, "    partitions: 6\n"));
	}

	private String[] manager(String command, Path mapping) {
		return cluster.manager(command, mapping, proxy.endpoint()).toArray(String[]::new);
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
