package io.dynamomigrate.job;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import io.dynamomigrate.testing.FaultInjectingDynamoDbProxy;
import io.dynamomigrate.testing.FaultPlan;
import io.dynamomigrate.testing.Postgres;
import io.dynamomigrate.testing.SharedDynalite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a user sees on the console when a run fails for an expected reason, running the
 * packaged jar in its own JVM: a few sentences (what failed, where, and that
 * {@code restart} continues it), no stack trace; the traces are in
 * {@code <state-dir>/logs/dynamo-migrate.log}, and {@code --verbose} shows them on the
 * console.
 */
class FailureOutputIntegrationTests {

	private static final String SCHEMA = "dm_it_failure_output";

	@TempDir
	Path temp;

	@Test
	void anEndpointOutage_saysInAFewLinesWhichEndpointFailed_andThatRestartContinues() throws Exception {
		SharedDynalite.deleteAllTables();
		Postgres.recreateSchema(SCHEMA);
		try {
			EventsFixture.createEvents(SCHEMA, "events", 20_000);
			Path mapping = EventsFixture.write(temp.resolve("events.yml"),
					EventsFixture.mapping("outage-events", SCHEMA, "events", 250, ""));
			FaultInjectingDynamoDbProxy proxy = FaultInjectingDynamoDbProxy.start(SharedDynalite.endpoint(),
					FaultPlan.builder().delay(Duration.ofMillis(5)).build());
			String endpoint = proxy.endpoint().toString();
			Process run;
			try {
				run = start(temp.resolve("run.log"), "run", mapping.toString(), "--endpoint-url", endpoint,
						"--progress", "off");
				Process started = run;
				await().atMost(Duration.ofMinutes(2))
					.pollInSameThread()
					.pollInterval(Duration.ofMillis(10))
					.until(() -> proxy.forwardedWrites() >= 2_000 || !started.isAlive());
				assertThat(run.isAlive()).as(Files.readString(temp.resolve("run.log"))).isTrue();
			}
			finally {
				proxy.close(); // the endpoint goes away: its port refuses connections
			}
			assertThat(run.waitFor(3, TimeUnit.MINUTES)).isTrue();
			String output = Files.readString(temp.resolve("run.log"));
			assertThat(run.exitValue()).as(output).isEqualTo(ExitCodes.FAILED);
			assertNoStackTrace(output);
			assertThat(output.lines().count()).as(output).isLessThanOrEqualTo(12);
			assertThat(output)
				.containsPattern(
						"Failure: Step event failed calling DynamoDB at " + endpoint + ": .*Connection refused")
				.contains("`dynamo-migrate restart " + mapping + "` (with the same options) continues after the last "
						+ "committed chunk of every step.")
				.contains("Exit code 1");
			assertThat(logFile()).as("the stack traces are in the log file")
				.contains("ERROR", "Caused by: software.amazon.awssdk.core.exception.SdkClientException")
				.containsPattern("\n\tat ");
		}
		finally {
			Postgres.dropSchema(SCHEMA);
		}
	}

	@Test
	void aCorruptGzipFile_isNamedInTheFailure_andVerboseShowsTheTrace() throws Exception {
		SharedDynalite.deleteAllTables();
		Path data = Files.createDirectories(temp.resolve("data"));
		ByteArrayOutputStream gzip = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
			for (int id = 1; id <= 20_000; id++) {
				out.write(("{\"id\": " + id + ", \"name\": \"play number " + id + "\"}\n")
					.getBytes(StandardCharsets.UTF_8));
			}
		}
		byte[] whole = gzip.toByteArray();
		Path file = Files.write(data.resolve("plays.jsonl.gz"), Arrays.copyOf(whole, whole.length / 2));
		Path mapping = EventsFixture.write(temp.resolve("plays.yml"), """
				name: corrupt-gzip
				tables:
				  - { name: plays, partitionKey: { name: id, type: N } }
				items:
				  - name: plays
				    table: plays
				    source: { file: data/plays.jsonl.gz, key: [id] }
				    attributes: { id: "${id}", name: "${name}" }
				""");
		String endpoint = SharedDynalite.endpoint().toString();

		Process run = start(temp.resolve("run.log"), "run", mapping.toString(), "--endpoint-url", endpoint);
		assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();
		String output = Files.readString(temp.resolve("run.log"));
		assertThat(run.exitValue()).as(output).isEqualTo(ExitCodes.FAILED);
		assertNoStackTrace(output);
		assertThat(output)
			.containsPattern("Failure: Step plays failed: Cannot read " + file.toAbsolutePath()
					+ " after record \\d+: Unexpected end of ZLIB input stream\\.")
			.contains("`dynamo-migrate restart " + mapping + "`");

		Process verbose = start(temp.resolve("verbose.log"), "run", mapping.toString(), "--endpoint-url", endpoint,
				"--verbose");
		assertThat(verbose.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(Files.readString(temp.resolve("verbose.log"))).contains("Caused by: java.io.EOFException")
			.containsPattern("\n\tat ");
	}

	private static void assertNoStackTrace(String output) {
		assertThat(output).as("no stack trace on the console")
			.doesNotContainPattern("\n\\s+at ")
			.doesNotContain("Caused by:")
			.doesNotContain("Exception:")
			.doesNotContain("ERROR");
	}

	private String logFile() throws Exception {
		return Files.readString(temp.resolve("state").resolve("logs").resolve("dynamo-migrate.log"));
	}

	private Process start(Path log, String... command) throws Exception {
		List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", System.getProperty("dynamo-migrate.jar")));
		args.addAll(List.of(command));
		args.addAll(List.of("--state-dir", temp.resolve("state").toString()));
		return new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

}
