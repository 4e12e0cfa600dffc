package io.dynamomigrate.job;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import io.dynamomigrate.cli.DynamoMigrate;
import io.dynamomigrate.testing.FaultInjectingDynamoDbProxy;
import io.dynamomigrate.testing.FaultPlan;
import io.dynamomigrate.testing.Invariant;
import io.dynamomigrate.testing.Postgres;
import io.dynamomigrate.testing.SharedDynalite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a run of a file source with {@code kill -9} in the middle of its second file (the
 * packaged jar in a separate JVM, writing to dynalite through the fault proxy, which
 * slows writes down and counts them per key), then restarts it with the {@code restart}
 * command: the target then holds exactly the expected items, the restart continues in the
 * right file after the last committed chunk (rework at most the chunk in flight), and
 * every bad record is rejected exactly once across both executions.
 */
@Invariant(4)
class FileSourceKillRestartIntegrationTests {

	private static final String REPOSITORY = "dm_it_file_restart";

	private static final String TABLE = "file_restart";

	private static final int PER_FILE = 6_000;

	private static final int CHUNK = 100;

	@TempDir
	Path temp;

	private FaultInjectingDynamoDbProxy proxy;

	@BeforeEach
	void setUp() throws Exception {
		SharedDynalite.deleteAllTables();
		Postgres.recreateSchema(REPOSITORY);
		proxy = FaultInjectingDynamoDbProxy.start(SharedDynalite.endpoint(),
				FaultPlan.builder().delay(Duration.ofMillis(15)).operations("BatchWriteItem").build());
	}

	@AfterEach
	void tearDown() throws Exception {
		proxy.close();
		Postgres.dropSchema(REPOSITORY);
	}

	@Test
	void killedMidFile_restartContinuesInTheRightFile_targetEqualsExpected_reworkBoundedByTheChunkInFlight()
			throws Exception {
		Path exports = Files.createDirectories(temp.resolve("exports"));
		Map<String, Map<String, AttributeValue>> expected = new HashMap<>();
		Files.writeString(exports.resolve("part-1.jsonl"), lines(1, expected, 100));
		try (OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(exports.resolve("part-2.jsonl.gz")))) {
			gzip.write(lines(PER_FILE + 1, expected, 5_900).getBytes(StandardCharsets.UTF_8));
		}
		Path mapping = temp.resolve("restart.yml");
		Files.writeString(mapping, """
				name: file-restart
				tables:
				  - { name: %s, partitionKey: { name: id, type: N } }
				items:
				  - name: events
				    table: %s
				    chunkSize: %d
				    source: { file: exports, format: jsonl, key: [id] }
				    attributes: { id: "${id}", name: "${name}", score: "${score}" }
				""".formatted(TABLE, TABLE, CHUNK));

		JarProcesses jar = new JarProcesses(temp);
		Process process = jar.start("killed-run.log",
				List.of("run", mapping.toString(), "--endpoint-url", proxy.endpoint().toString(), "--repository-url",
						Postgres.url(REPOSITORY), "--repository-user", Postgres.USER, "--state-dir",
						temp.resolve("state").toString()));
		jar.killWhen(process, () -> proxy.forwardedWrites() >= PER_FILE + 1_500, "killed-run.log");
		long writtenBeforeKill = proxy.forwardedWrites();
		assertThat(writtenBeforeKill).as("killed in the second file").isBetween((long) PER_FILE, 2L * PER_FILE - 200);

		proxy.plan(FaultPlan.none());
		Run restart = cli("restart", mapping.toString(), "--endpoint-url", proxy.endpoint().toString(),
				"--repository-url", Postgres.url(REPOSITORY), "--repository-user", Postgres.USER, "--state-dir",
				temp.resolve("state").toString());
		assertThat(restart.exitCode()).as(restart.output()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);

		assertTargetEquals(expected);
		assertThat(proxy.keysWrittenMoreThanOnce(TABLE)).as("items written twice: at most the chunk in flight")
			.isLessThanOrEqualTo(CHUNK);
		assertThat(proxy.forwardedWrites()).as("total writes").isLessThanOrEqualTo(expected.size() + CHUNK);
		assertThat(rejects()).as("each bad record rejected once, with its file and line")
			.containsExactlyInAnyOrder("part-1.jsonl:100:MALFORMED_JSON", "part-2.jsonl.gz:5900:MALFORMED_JSON");
	}

	/**
	 * {@code PER_FILE} lines with ids from {@code first}; the line {@code badLine} is
	 * truncated JSON.
	 */
	private static String lines(int first, Map<String, Map<String, AttributeValue>> expected, int badLine) {
		StringBuilder text = new StringBuilder();
		for (int line = 1; line <= PER_FILE; line++) {
			int id = first + line - 1;
			String score = new BigDecimal(id).movePointLeft(2).add(new BigDecimal("0.001")).toPlainString();
			if (line == badLine) {
				text.append("{\"id\": ").append(id).append(", \"name\": \"cut\n");
				continue;
			}
			text.append("{\"id\": ")
				.append(id)
				.append(", \"name\": \"event ")
				.append(id)
				.append("\", \"score\": ")
				.append(score)
				.append("}\n");
			expected.put(String.valueOf(id),
					Map.of("id", AttributeValue.fromN(String.valueOf(id)), "name", AttributeValue.fromS("event " + id),
							"score", AttributeValue.fromN(new BigDecimal(score).stripTrailingZeros().toPlainString())));
		}
		return text.toString();
	}

	private static void assertTargetEquals(Map<String, Map<String, AttributeValue>> expected) {
		Map<String, Map<String, AttributeValue>> actual = new HashMap<>();
		try (DynamoDbClient client = SharedDynalite.client()) {
			client.scanPaginator((b) -> b.tableName(TABLE))
				.items()
				.forEach((item) -> actual.put(item.get("id").n(), item));
		}
		assertThat(actual.keySet()).as("ids in the target").isEqualTo(expected.keySet());
		List<String> differences = new ArrayList<>();
		expected.forEach((id, item) -> {
			if (!item.equals(actual.get(id)) && differences.size() < 5) {
				differences.add(id + ": expected " + item + " but was " + actual.get(id));
			}
		});
		assertThat(differences).as("items that differ").isEmpty();
	}

	/** Every reject of both executions as {@code file:line:reason}. */
	private List<String> rejects() throws Exception {
		List<String> rejects = new ArrayList<>();
		JsonMapper json = JsonMapper.builder().build();
		try (Stream<Path> files = Files.list(temp.resolve("state/rejects"))) {
			for (Path file : files.toList()) {
				for (String line : Files.readAllLines(file)) {
					JsonNode reject = json.readTree(line);
					rejects.add(Path.of(reject.get("source").asString()).getFileName() + ":"
							+ reject.get("key").get("line").asLong() + ":" + reject.get("reason").asString());
				}
			}
		}
		return rejects;
	}

	private static Run cli(String... args) {
		StringWriter out = new StringWriter();
		CommandLine commandLine = DynamoMigrate.commandLine();
		commandLine.setOut(new PrintWriter(out));
		commandLine.setErr(new PrintWriter(out));
		return new Run(commandLine.execute(args), out.toString());
	}

	private record Run(int exitCode, String output) {
	}

}
