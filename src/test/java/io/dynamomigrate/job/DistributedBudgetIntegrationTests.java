package io.dynamomigrate.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.dynamomigrate.testing.DynamoDbSink;
import io.dynamomigrate.testing.Invariant;
import io.dynamomigrate.testing.PartitionThrottle;
import io.dynamomigrate.testing.SinkStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One write budget across machines: three {@code worker} JVMs run the six partitions of a
 * distributed run with {@code --max-write-capacity 3000} against an endpoint that
 * measures the WCU it accepts per second ({@link DynamoDbSink}). Each worker takes
 * {@code 3000 / n} of the budget, n being the live workers writing for the execution
 * (registered with a heartbeat in the job repository): the aggregate rate stays within 5
 * % of the budget and no one-second window goes above 110 %. Then one worker is stopped
 * (SIGTERM) mid-run, and the two others take up its share: the rate from 10 s after the
 * stop is still within 5 % of the budget.
 */
@Invariant(11)
class DistributedBudgetIntegrationTests {

	private static final int ROWS = 150_000;

	private static final long BUDGET = 3000;

	private static final long SECOND = 1_000_000_000L;

	@TempDir
	Path temp;

	private DistributedCluster cluster;

	private DynamoDbSink sink;

	@BeforeEach
	void setUp() throws Exception {
		cluster = new DistributedCluster(temp, "dist_budget");
		EventsFixture.createEvents(cluster.source, "events", ROWS);
		sink = DynamoDbSink.start(0, 8, PartitionThrottle.none(), false);
	}

	@AfterEach
	void tearDown() throws Exception {
		cluster.close();
		sink.close();
	}

	@Test
	void threeWorkers_shareOneBudget_withinFivePercent_noSecondOver110Percent_andTakeUpAStoppedWorkersShare()
			throws Exception {
		cluster.startWorkers(3, sink.endpoint());
		Path mapping = EventsFixture.write(temp.resolve("budget.yml"),
				EventsFixture.mapping("dist-budget", cluster.source, "events", 500, "    partitions: 6\n"));
		List<String> run = new ArrayList<>(cluster.manager("run", mapping, sink.endpoint()));
		run.addAll(List.of("--max-write-capacity", Long.toString(BUDGET)));
		Process manager = cluster.jar.start("manager.log", run);

		JarProcesses.waitFor(() -> sink.stats().items() >= 8 * BUDGET || !manager.isAlive());
		long stoppedAt = System.nanoTime();
		cluster.workers.get(0).destroy(); // SIGTERM: the chunk in flight ends, its
											// partition is
		// STOPPED
		assertThat(cluster.workers.get(0).waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(cluster.workers.get(0).exitValue()).as(cluster.log("worker-0.log")).isZero();
		assertThat(manager.waitFor(5, TimeUnit.MINUTES)).isTrue();
		String log = cluster.log("manager.log");
		assertThat(manager.exitValue()).as("one partition stopped: the run is stopped, restartable; %s", log)
			.isEqualTo(ExitCodes.STOPPED);

		SinkStats stats = sink.stats();
		double aggregate = stats.meanWriteUnitsPerSecond();
		double afterStop = stats.meanWriteUnitsPerSecond(stoppedAt + 10 * SECOND, stoppedAt + 20 * SECOND);
		System.out.printf(
				"distributed budget %d WCU/s, 3 workers: aggregate %.0f WCU/s over the run, worst second "
						+ "%d WCU, %d items; 10-20 s after one of them stopped: %.0f WCU/s%n",
				BUDGET, aggregate, stats.maxWriteUnitsInAnySecond(), stats.items(), afterStop);
		assertThat(stats.items()).as("the run lasts past 20 s after the stop").isGreaterThan(40 * BUDGET);
		assertThat(aggregate).isBetween(BUDGET * 0.95, BUDGET * 1.05);
		assertThat(stats.maxWriteUnitsInAnySecond()).isLessThanOrEqualTo(BUDGET * 110 / 100);
		assertThat(afterStop).isBetween(BUDGET * 0.95, BUDGET * 1.05);
		assertThat(stats.violations()).isZero();
	}

}
