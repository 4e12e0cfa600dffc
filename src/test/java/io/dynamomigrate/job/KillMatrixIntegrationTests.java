package io.dynamomigrate.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import io.dynamomigrate.dynamodb.client.SendPath;
import io.dynamomigrate.job.EventsFixture.Run;
import io.dynamomigrate.testing.DynamoDbSink;
import io.dynamomigrate.testing.FaultInjectingDynamoDbProxy;
import io.dynamomigrate.testing.FaultPlan;
import io.dynamomigrate.testing.Invariant;
import io.dynamomigrate.testing.PartitionThrottle;
import io.dynamomigrate.testing.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a migration of 100,000 records with {@code kill -9} at ten random points and
 * restarts it after each kill with {@code restart} until it completes: from a set of four
 * JSON Lines files and from a PostgreSQL table without {@code partitions} (both one
 * reader per step), each with the default H2 file job repository and with PostgreSQL. The
 * packaged jar runs in separate JVMs and writes through the fault proxy, which counts per
 * key every write the endpoint accepted, to {@link DynamoDbSink} (an endpoint that checks
 * every request against DynamoDB's rules and keeps nothing, so that a hundred thousand
 * writes cost a few seconds). Eight kills come when the proxy has forwarded a random
 * number of writes; two come in a restart before its first commit (the proxy slows its
 * writes down and the kill follows its first write; {@code status} then shows its step
 * with nothing committed). Every key must be written, and the keys written more than once
 * are at most one chunk per kill: the chunk in flight.
 * <p>
 * Chosen for run time: records of three small attributes, chunks of 500 records (the
 * bound is one chunk per kill), no write budget ({@code --max-write-capacity unlimited}),
 * kill points between 1,000 and 95,000 writes, and the four combinations at the same
 * time. {@code -Dkill.seed=N} repeats the kill points of a run (a failure names it).
 */
@Invariant(4)
@ParameterizedClass
@EnumSource(SendPath.class)
class KillMatrixIntegrationTests {

	/** Every test runs on both send paths. */
	@Parameter
	SendPath sendPath;

	private static final String SCHEMA = "dm_it_kill_matrix";

	private static final String REPOSITORY = "dm_it_kill_matrix_repository";

	private static final String MAPPING = "kill-matrix";

	private static final int ROWS = 100_000;

	private static final int FILES = 4;

	private static final int CHUNK = 500;

	private static final int KILLS = 10;

	private static final int KILLS_BEFORE_FIRST_COMMIT = 2;

	/**
	 * Writes slowed down so that a kill after a restart's first write lands before its
	 * first commit.
	 */
	private static final FaultPlan SLOW = FaultPlan.builder()
		.delay(Duration.ofMillis(100))
		.operations(FaultPlan.BATCH_WRITE_ITEM)
		.build();

	private static DynamoDbSink sink;

	@TempDir
	Path temp;

	enum Source {

		FILES, TABLE

	}

	enum Repository {

		H2_FILE, POSTGRESQL

	}

	@BeforeAll
	static void createSourceAndEndpoint() throws Exception {
		Postgres.recreateSchema(SCHEMA);
		EventsFixture.createEvents(SCHEMA, "events", ROWS);
		sink = DynamoDbSink.start(0, 8, PartitionThrottle.none(), false);
	}

	@AfterAll
	static void dropSourceAndEndpoint() throws Exception {
		sink.close();
		Postgres.dropSchema(SCHEMA);
		for (Source source : Source.values()) {
			Postgres.dropSchema(repositorySchema(source));
		}
	}

	/**
	 * The four combinations run at the same time, each with its own proxy, job repository
	 * and processes (most of a process's life is its start, and with the H2 file the wait
	 * for the lock a killed process left).
	 */
	@Test
	void killedTenTimesAtRandomPoints_everyKeyIsWritten_keysWrittenTwiceAtMostOneChunkPerKill() throws Exception {
		long seed = Long.getLong("kill.seed", System.nanoTime());
		ExecutorService pool = Executors.newFixedThreadPool(Source.values().length * Repository.values().length);
		try {
			Map<String, Future<String>> scenarios = new LinkedHashMap<>();
			int index = 0;
			for (Source source : Source.values()) {
				for (Repository repository : Repository.values()) {
					Scenario scenario = new Scenario(source, repository, seed + index++);
					scenarios.put(scenario.toString(), pool.submit(scenario::run));
				}
			}
			List<String> failures = new ArrayList<>();
			for (Map.Entry<String, Future<String>> scenario : scenarios.entrySet()) {
				try {
					System.out.println("kill matrix: " + scenario.getValue().get(10, TimeUnit.MINUTES));
				}
				catch (ExecutionException ex) {
					failures.add(scenario.getKey() + ": " + ex.getCause().getMessage());
				}
			}
			assertThat(failures).as("failed combinations (kill.seed %d)", seed).isEmpty();
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static String repositorySchema(Source source) {
		return REPOSITORY + "_" + source.name().toLowerCase(Locale.ROOT);
	}

	/** One source with one job repository: ten kills, then a restart that completes. */
	private final class Scenario {

		private final Source source;

		private final Repository repository;

		private final Random random;

		private final Path directory;

		private final JarProcesses jar;

		private final FaultInjectingDynamoDbProxy proxy;

		Scenario(Source source, Repository repository, long seed) throws Exception {
			this.source = source;
			this.repository = repository;
			this.random = new Random(seed);
			this.directory = Files.createDirectories(temp.resolve(toString()));
			this.jar = new JarProcesses(directory);
			this.proxy = FaultInjectingDynamoDbProxy.start(sink.endpoint(), FaultPlan.none());
		}

		/** Runs it and returns what was measured. */
		String run() throws Exception {
			try (proxy) {
				if (repository == Repository.POSTGRESQL) {
					Postgres.recreateSchema(repositorySchema(source));
				}
				return killAndRestart();
			}
		}

		private String killAndRestart() throws Exception {
			Path mapping = EventsFixture.write(directory.resolve("events.yml"),
					source == Source.FILES
							? EventsFixture.fileMapping(MAPPING,
									EventsFixture.writeEventFiles(directory.resolve("exports"), FILES, ROWS), CHUNK)
							: EventsFixture.mapping(MAPPING, SCHEMA, "events", CHUNK, ""));
			List<Long> points = random.longs(KILLS - KILLS_BEFORE_FIRST_COMMIT, 1_000, 95_000)
				.sorted()
				.boxed()
				.toList();
			Set<Integer> beforeFirstCommit = new TreeSet<>();
			while (beforeFirstCommit.size() < KILLS_BEFORE_FIRST_COMMIT) {
				beforeFirstCommit.add(1 + random.nextInt(KILLS - 1)); // a restart: not
																		// the first run
			}
			List<String> kills = new ArrayList<>();
			long started = System.nanoTime();
			int point = 0;
			for (int kill = 0; kill < KILLS; kill++) {
				String log = "run-" + (kill + 1) + ".log";
				boolean early = beforeFirstCommit.contains(kill);
				long before = proxy.forwardedWrites();
				long target = early ? before + 1 : Math.max(points.get(point++), before + 1);
				proxy.plan(early ? SLOW : FaultPlan.none());
				Process process = jar.start(log, command(kill == 0 ? "run" : "restart", mapping.toString()));
				jar.killWhen(process, () -> proxy.forwardedWrites() >= target, log);
				Thread.sleep(100); // what the killed process had sent reaches the
									// endpoint (or not) before counting
				kills.add((early ? "in its first chunk at " : "at ") + proxy.forwardedWrites());
				if (early) {
					Run status = EventsFixture.cli(command("status", MAPPING, "--limit", "1").toArray(String[]::new));
					assertThat(status.output())
						.as("kill %d: a restart whose step started and committed nothing, in status", kill + 1)
						.containsPattern("event\\s+STARTED\\s+0\\s+0\\s");
				}
			}
			proxy.plan(FaultPlan.none());
			Process last = jar.start("last.log", command("restart", mapping.toString()));
			assertThat(last.waitFor(5, TimeUnit.MINUTES)).isTrue();
			assertThat(last.exitValue()).as(jar.log("last.log")).isEqualTo(ExitCodes.SUCCESS);

			String measured = String.format(Locale.ROOT,
					"%s: kills (writes forwarded) %s; keys written more than "
							+ "once %d (bound %d); writes %d for %d records; %.0f s",
					this, kills, proxy.keysWrittenMoreThanOnce(EventsFixture.TABLE), KILLS * CHUNK,
					proxy.forwardedWrites(), ROWS, (System.nanoTime() - started) / 1e9);
			assertThat(proxy.writesPerKey(EventsFixture.TABLE).keySet()).as("every key written: %s", measured)
				.isEqualTo(LongStream.rangeClosed(1, ROWS)
					.mapToObj((id) -> "{\"id\":{\"N\":\"" + id + "\"}}")
					.collect(Collectors.toSet()));
			assertThat(proxy.keysWrittenMoreThanOnce(EventsFixture.TABLE))
				.as("keys written twice, at most one chunk per kill: %s", measured)
				.isLessThanOrEqualTo((long) KILLS * CHUNK);
			assertThat(proxy.forwardedWrites()).as("writes: %s", measured)
				.isLessThanOrEqualTo(ROWS + (long) KILLS * CHUNK);
			return measured;
		}

		/**
		 * A command line of the jar against the proxy, without a write budget, with this
		 * job repository.
		 */
		private List<String> command(String... args) {
			List<String> command = new ArrayList<>(List.of(args));
			if (!args[0].equals("status")) {
				command.addAll(List.of("--send-path", sendPath.name()));
				command.addAll(List.of("--endpoint-url", proxy.endpoint().toString(), "--max-write-capacity",
						"unlimited", "--progress", "off"));
			}
			command.addAll(List.of("--state-dir", directory.resolve("state").toString()));
			if (repository == Repository.POSTGRESQL) {
				command.addAll(List.of("--repository-url", Postgres.url(repositorySchema(source)), "--repository-user",
						Postgres.USER));
			}
			return command;
		}

		@Override
		public String toString() {
			return source.name().toLowerCase(Locale.ROOT) + "-" + repository.name().toLowerCase(Locale.ROOT);
		}

	}

}
