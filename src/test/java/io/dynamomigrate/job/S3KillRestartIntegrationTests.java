package io.dynamomigrate.job;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.dynamomigrate.cli.DynamoMigrate;
import io.dynamomigrate.testing.FaultInjectingDynamoDbProxy;
import io.dynamomigrate.testing.FaultPlan;
import io.dynamomigrate.testing.Invariant;
import io.dynamomigrate.testing.Postgres;
import io.dynamomigrate.testing.S3Server;
import io.dynamomigrate.testing.SharedDynalite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills ({@code kill -9}) a run that reads a 200,000-line gzip JSON Lines object from S3
 * (s3proxy), in the middle of that object, then restarts it: the restart reads no object
 * before it, reads that object once more with contiguous ranged GETs from its first byte
 * (gzip cannot be entered in the middle) and skips the records of the committed chunks
 * without writing them, so the target holds exactly the source's items and at most the
 * chunk in flight is written twice.
 */
@Invariant(4)
class S3KillRestartIntegrationTests {

	private static final String REPOSITORY = "dm_it_s3_restart";

	private static final String TABLE = "s3_restart";

	private static final int SMALL = 1_000;

	private static final int LARGE = 200_000;

	private static final int CHUNK = 100;

	@TempDir
	Path temp;

	private FaultInjectingDynamoDbProxy proxy;

	private S3Server s3;

	@BeforeEach
	void setUp() throws Exception {
		SharedDynalite.deleteAllTables();
		Postgres.recreateSchema(REPOSITORY);
		proxy = FaultInjectingDynamoDbProxy.start(SharedDynalite.endpoint(),
				FaultPlan.builder().delay(Duration.ofMillis(15)).operations("BatchWriteItem").build());
		s3 = S3Server.start();
	}

	@AfterEach
	void tearDown() throws Exception {
		s3.close();
		proxy.close();
		Postgres.dropSchema(REPOSITORY);
	}

	@Test
	void killedMidObject_restartReadsOnlyThatObjectOnce_andTheTargetIsExact() throws Exception {
		s3.put("exports", "events/part-0.jsonl.gz", S3FileSourceIntegrationTests.gzip(lines(1, SMALL)));
		byte[] large = S3FileSourceIntegrationTests.gzip(lines(SMALL + 1, LARGE));
		s3.put("exports", "events/part-1.jsonl.gz", large);
		Path mapping = temp.resolve("s3-restart.yml");
		Files.writeString(mapping, """
				name: s3-restart
				tables:
				  - { name: %s, partitionKey: { name: id, type: N } }
				items:
				  - name: events
				    table: %s
				    chunkSize: %d
				    source: { file: "s3://exports/events/*.jsonl.gz", key: [id] }
				    attributes: { id: "${id}", name: "${name}", tag: "${tag}" }
				""".formatted(TABLE, TABLE, CHUNK));
		List<String> options = List.of("--endpoint-url", proxy.endpoint().toString(), "--s3-endpoint-url",
				s3.endpoint().toString(), "--repository-url", Postgres.url(REPOSITORY), "--repository-user",
				Postgres.USER, "--state-dir", temp.resolve("state").toString());

		List<String> command = new java.util.ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
						System.getProperty("dynamo-migrate.jar"), "run", mapping.toString()));
		command.addAll(options);
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(temp.resolve("killed-run.log").toFile())
			.start();
		await().atMost(Duration.ofSeconds(240))
			.pollInSameThread()
			.pollInterval(Duration.ofMillis(20))
			.until(() -> proxy.forwardedWrites() >= SMALL + 20_000 || !process.isAlive());
		assertThat(process.isAlive()).as(Files.readString(temp.resolve("killed-run.log"))).isTrue();
		process.destroyForcibly(); // SIGKILL
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		long writtenBeforeKill = proxy.forwardedWrites();
		assertThat(writtenBeforeKill).as("killed in the large object").isBetween((long) SMALL, SMALL + LARGE - 50_000L);
		List<S3Server.Get> killedRunGets = s3.gets();
		s3.clearGets();

		proxy.plan(FaultPlan.none());
		List<String> restartArgs = new java.util.ArrayList<>(List.of("restart", mapping.toString()));
		restartArgs.addAll(options);
		StringWriter out = new StringWriter();
		CommandLine cli = DynamoMigrate.commandLine();
		cli.setOut(new PrintWriter(out));
		cli.setErr(new PrintWriter(out));
		int exitCode = cli.execute(restartArgs.toArray(String[]::new));
		assertThat(exitCode).as(out.toString()).isEqualTo(ExitCodes.SUCCESS);

		List<S3Server.Get> gets = s3.gets();
		System.out.printf("S3 GETs [killed run: %d GETs, %d bytes] [restart: %d GETs, %d bytes, object %d bytes]%n",
				killedRunGets.size(), killedRunGets.stream().mapToLong(S3Server.Get::bytes).sum(), gets.size(),
				gets.stream().mapToLong(S3Server.Get::bytes).sum(), large.length);
		assertThat(gets).as("the restart reads only the object it stopped in")
			.allMatch((g) -> g.key().equals("events/part-1.jsonl.gz"));
		long next = 0;
		for (S3Server.Get get : gets) {
			assertThat(get.range()).as("ranged GETs, contiguous from byte 0").startsWith(next + "-");
			next += get.bytes();
		}
		assertThat(next).as("bytes served to the restart: the object once").isEqualTo(large.length);

		Set<String> ids = new HashSet<>();
		try (DynamoDbClient client = SharedDynalite.client()) {
			client.scanPaginator((b) -> b.tableName(TABLE)).items().forEach((item) -> {
				assertThat(item.get("name").s()).isEqualTo("event " + item.get("id").n());
				ids.add(item.get("id").n());
			});
		}
		assertThat(ids).as("items in the target").hasSize(SMALL + LARGE);
		assertThat(proxy.keysWrittenMoreThanOnce(TABLE)).as("items written twice: at most the chunk in flight")
			.isLessThanOrEqualTo(CHUNK);
		assertThat(proxy.forwardedWrites()).as("total writes").isLessThanOrEqualTo(SMALL + LARGE + CHUNK);
	}

	/**
	 * {@code count} JSON Lines with ids from {@code first}, each with a hard-to-compress
	 * tag.
	 */
	private static byte[] lines(int first, int count) {
		StringBuilder text = new StringBuilder();
		for (int id = first; id < first + count; id++) {
			text.append("{\"id\": ")
				.append(id)
				.append(", \"name\": \"event ")
				.append(id)
				.append("\", \"tag\": \"")
				.append(Long.toHexString(id * 0x9E3779B97F4A7C15L))
				.append("\"}\n");
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

}
