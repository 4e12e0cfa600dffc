package io.dynamomigrate.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.dynamomigrate.testing.FaultInjectingDynamoDbProxy;
import io.dynamomigrate.testing.FaultPlan;
import io.dynamomigrate.testing.Postgres;
import io.dynamomigrate.testing.SharedDynalite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The launcher of the extracted application,
 * {@code target/dynamo-migrate/bin/dynamo-migrate} (src/dist/dynamo-migrate): the first
 * run of a command that succeeds writes a class data sharing archive, the runs after it
 * load their classes from it (seen in the JVM's own class-loading log), a failed first
 * run leaves none, exit codes pass through, and SIGTERM to the launcher stops the run
 * gracefully as it would the JVM.
 */
class LauncherIntegrationTests {

	private static final String SCHEMA = "dm_it_launcher";

	private static final int ROWS = 20_000;

	/**
	 * What the JVM's class-loading log says of a class mapped from the dynamic archive.
	 */
	private static final String FROM_ARCHIVE = "source: shared objects file (top)";

	@TempDir
	Path temp;

	private FaultInjectingDynamoDbProxy proxy;

	@BeforeEach
	void setUp() throws Exception {
		SharedDynalite.deleteAllTables();
		Postgres.recreateSchema(SCHEMA);
		EventsFixture.createEvents(SCHEMA, "events", ROWS);
		proxy = FaultInjectingDynamoDbProxy.start(SharedDynalite.endpoint(), FaultPlan.builder().build());
	}

	@AfterEach
	void tearDown() throws Exception {
		proxy.close();
		Postgres.dropSchema(SCHEMA);
	}

	@Test
	void theFirstRunWritesTheArchive_theNextRunsLoadTheirClassesFromIt() throws Exception {
		Path mapping = mapping(250);
		Launched first = launch(Map.of(), "run", mapping.toString());
		assertThat(first.exitCode()).as(first.output()).isZero();
		assertThat(first.output()).contains("COMPLETED");
		assertThat(files(cds())).as("one archive, no partial file left").hasSize(1).allSatisfy((file) -> {
			assertThat(file.getFileName().toString()).matches("java-\\d+\\.jsa");
			assertThat(Files.size(file)).isGreaterThan(1_000_000);
		});

		Launched second = launch(Map.of("JAVA_OPTS", "-Xlog:class+load=info"), "run", mapping.toString());
		assertThat(second.exitCode()).as(second.output()).isZero();
		assertThat(second.output())
			.containsPattern("event\\s+" + EventsFixture.TABLE + "\\s+COMPLETED\\s+" + ROWS + "\\s+" + ROWS);
		assertThat(count(second.output(), FROM_ARCHIVE)).as("classes mapped from the archive").isGreaterThan(1_000);
		assertThat(second.output()).doesNotContain("[warning]");

		Launched off = launch(Map.of("JAVA_OPTS", "-Xlog:class+load=info", "DYNAMO_MIGRATE_CDS", "off"), "run",
				mapping.toString());
		assertThat(off.exitCode()).as(off.output()).isZero();
		assertThat(count(off.output(), FROM_ARCHIVE)).as("DYNAMO_MIGRATE_CDS=off maps no archive").isZero();

		// Java 17 crashes (SIGSEGV) when a flight recording starts with a JVM that maps
		// the
		// archive: the launcher runs without it then
		Path recording = temp.resolve("run.jfr");
		Launched recorded = launch(
				Map.of("JAVA_OPTS", "-Xlog:class+load=info -XX:StartFlightRecording=filename=" + recording), "run",
				mapping.toString());
		assertThat(recording).as(recorded.output()).isNotEmptyFile();
		assertThat(recorded.exitCode()).as(recorded.output()).isZero();
		assertThat(count(recorded.output(), FROM_ARCHIVE)).isZero();
		EventsFixture.assertTargetEquals(EventsFixture.expected(ROWS));
	}

	@Test
	void aFailedFirstRunLeavesNoArchive_andItsExitCodePassesThrough() throws Exception {
		Launched missing = launch(Map.of(), "run", temp.resolve("missing.yml").toString());
		assertThat(missing.exitCode()).as(missing.output()).isEqualTo(ExitCodes.INVALID);
		assertThat(missing.output()).contains("Cannot read the mapping file");
		assertThat(files(cds())).isEmpty();
	}

	@Test
	void theJitThresholdsAreRaised_andJavaOptsCanSetThemBack_withAndWithoutTheArchive() throws Exception {
		for (String cds : List.of("on", "off")) {
			Launched launched = launch(Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal -XX:Tier4BackEdgeThreshold=50000",
					"DYNAMO_MIGRATE_CDS", cds), "run", temp.resolve("missing.yml").toString());
			assertThat(launched.exitCode()).as(launched.output()).isEqualTo(ExitCodes.INVALID);
			assertThat(launched.output()).as("DYNAMO_MIGRATE_CDS=" + cds)
				.containsPattern("Tier4InvocationThreshold\\s+= 15000\\s.*command line")
				.containsPattern("Tier4MinInvocationThreshold\\s+= 2000\\s.*command line")
				.containsPattern("Tier4CompileThreshold\\s+= 45000\\s.*command line")
				.containsPattern("Tier4BackEdgeThreshold\\s+= 50000\\s.*command line");
		}
	}

	@Test
	void sigtermToTheLauncher_stopsTheRunAfterItsChunksInFlight_exitCode4() throws Exception {
		proxy.close();
		proxy = FaultInjectingDynamoDbProxy.start(SharedDynalite.endpoint(),
				FaultPlan.builder().delay(Duration.ofMillis(5)).build());
		Path log = temp.resolve("run.log");
		Process run = builder(Map.of(), "run", mapping(250).toString()).redirectOutput(log.toFile()).start();
		await().atMost(Duration.ofMinutes(2))
			.pollInSameThread()
			.pollInterval(Duration.ofMillis(10))
			.until(() -> proxy.forwardedWrites() >= 3_000 || !run.isAlive());
		assertThat(run.isAlive()).as(Files.readString(log)).isTrue();
		run.destroy(); // SIGTERM, to the launcher's shell
		assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();
		String output = Files.readString(log);
		assertThat(run.exitValue()).as(output).isEqualTo(ExitCodes.STOPPED);
		assertThat(output).contains("Stopped: the run was stopped (stop command or signal)");
		assertThat(proxy.forwardedWrites()).isLessThan(ROWS);
		assertThat(files(cds())).as("a stopped first run keeps no archive").isEmpty();
	}

	private Path mapping(int chunk) throws IOException {
		return EventsFixture.write(temp.resolve("events.yml"),
				EventsFixture.mapping("launcher-events", SCHEMA, "events", chunk, ""));
	}

	private Path cds() {
		return temp.resolve("cds");
	}

	private static List<Path> files(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.toList();
		}
	}

	private static long count(String text, String part) {
		return text.lines().filter((line) -> line.contains(part)).count();
	}

	private record Launched(int exitCode, String output) {
	}

	private Launched launch(Map<String, String> environment, String... args) throws Exception {
		Process process = builder(environment, args).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
		return new Launched(process.exitValue(), output);
	}

	private ProcessBuilder builder(Map<String, String> environment, String... args) {
		Path launcher = Path.of(System.getProperty("dynamo-migrate.jar"))
			.resolveSibling(Path.of("dynamo-migrate", "bin", "dynamo-migrate"));
		List<String> command = new ArrayList<>(List.of(launcher.toString()));
		command.addAll(List.of(args));
		command.addAll(List.of("--endpoint-url", proxy.endpoint().toString(), "--state-dir",
				temp.resolve("state").toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment().put("DYNAMO_MIGRATE_CDS_DIR", cds().toString());
		builder.environment().putAll(environment);
		return builder;
	}

}
