package io.dynamomigrate.job;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

import io.dynamomigrate.cli.DynamoMigrate;
import io.dynamomigrate.testing.S3Server;
import io.dynamomigrate.testing.SharedDynalite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * File sources on S3, read from a real S3-protocol server (s3proxy, in-memory backend)
 * into dynalite: CSV (gzip, a glob), JSON Lines and a DynamoDB export folder (found by
 * its manifest) give exactly the items the same files give from local disk; an S3 source
 * that cannot be listed (missing bucket, empty prefix, refused credentials, nothing
 * listening) is one sentence naming it, and nothing is started.
 */
class S3FileSourceIntegrationTests {

	private static final List<String> SAMPLE_TABLES = List.of("artists", "albums", "tracks", "users", "playlists",
			"playlist_tracks", "plays");

	private static S3Server s3;

	@TempDir
	Path temp;

	@BeforeAll
	static void startS3() throws Exception {
		s3 = S3Server.start();
	}

	@AfterAll
	static void stopS3() throws Exception {
		s3.close();
	}

	@Test
	void gzipCsvObjects_selectedByAGlob_giveTheItemsOfTheLocalFiles() throws Exception {
		String mapping = Files.readString(Path.of("mappings/music-tables-csv.yml"));
		for (String table : SAMPLE_TABLES) {
			s3.put("exports", "csv/" + table + ".csv.gz",
					gzip(Files.readAllBytes(Path.of("sample-sources/csv/" + table + ".csv"))));
			mapping = mapping.replace("../sample-sources/csv/" + table + ".csv", table.equals("plays")
					? "\"s3://exports/csv/pl?ys*.csv.gz\"" : "s3://exports/csv/" + table + ".csv.gz");
		}
		assertSameItems(Path.of("mappings/music-tables-csv.yml"), mapping, SAMPLE_TABLES);
	}

	@Test
	void jsonLinesObjects_giveTheItemsOfTheLocalFiles() throws Exception {
		String mapping = Files.readString(Path.of("mappings/music-tables-jsonl.yml"));
		for (String table : SAMPLE_TABLES) {
			s3.put("exports", "jsonl/" + table + ".jsonl",
					Files.readAllBytes(Path.of("sample-sources/jsonl/" + table + ".jsonl")));
			mapping = mapping.replace("../sample-sources/jsonl/" + table + ".jsonl",
					"s3://exports/jsonl/" + table + ".jsonl");
		}
		assertSameItems(Path.of("mappings/music-tables-jsonl.yml"), mapping, SAMPLE_TABLES);
	}

	@Test
	void dynamoDbExportFolder_isReadThroughItsManifest_likeItsLocalDataFiles() throws Exception {
		String folder = "exports/AWSDynamoDB/01700000000000-abcdef12/";
		Path data = Files.createDirectories(temp.resolve("export/data"));
		StringBuilder manifest = new StringBuilder();
		for (int file = 0; file < 3; file++) {
			StringBuilder lines = new StringBuilder();
			for (int i = 0; i < 400; i++) {
				int id = file * 400 + i;
				lines.append("{\"Item\":{\"id\":{\"N\":\"")
					.append(id)
					.append("\"},\"name\":{\"S\":\"user ")
					.append(id)
					.append("\"},\"tags\":{\"SS\":[\"a\",\"t")
					.append(id % 7)
					.append("\"]},\"score\":{\"N\":\"")
					.append(id)
					.append(".25\"}}}\n");
			}
			byte[] gz = gzip(lines.toString().getBytes(StandardCharsets.UTF_8));
			String name = "part-" + file + ".json.gz";
			Files.write(data.resolve(name), gz);
			s3.put("bucket", folder + "data/" + name, gz);
			manifest.append("{\"itemCount\":400,\"md5Checksum\":\"x\",\"etag\":\"y\",\"dataFileS3Key\":\"")
				.append(folder)
				.append("data/")
				.append(name)
				.append("\"}\n");
		}
		s3.put("bucket", folder + "manifest-files.json", manifest.toString().getBytes(StandardCharsets.UTF_8));
		s3.put("bucket", folder + "manifest-summary.json", "{}".getBytes(StandardCharsets.UTF_8));
		String mapping = """
				name: ddb-export
				tables:
				  - { name: users, partitionKey: { name: pk, type: S } }
				items:
				  - name: users
				    table: users
				    source: { file: %s, key: [id] }
				    attributes:
				      pk: "USER#${id}"
				      name: "${name}"
				      tags: "${tags}"
				      score: "${score}"
				""";
		Path local = temp.resolve("local.yml");
		Files.writeString(local, mapping.formatted("\"export/data/*.json.gz\", format: ddb-json"));
		List<String> tables = List.of("users");
		Map<String, Set<Map<String, AttributeValue>>> expected = run(local, tables);
		assertThat(expected.get("users")).hasSize(1200);
		assertThat(run(write(mapping.formatted("s3://bucket/" + folder)), tables)).isEqualTo(expected);
	}

	@Test
	void s3SourcesThatCannotBeListed_areOneSentenceEach_andNothingStarts() throws Exception {
		s3.createBucket("empty");
		assertRefused("s3://no-such-bucket/data/*.jsonl", s3.endpoint().toString(),
				"The bucket `no-such-bucket` of s3://no-such-bucket/data/*.jsonl does not exist at " + s3.endpoint());
		assertRefused("s3://empty/data/*.jsonl", s3.endpoint().toString(),
				"No S3 object matches s3://empty/data/*.jsonl: check the bucket, the prefix and the glob");
		try (S3Server locked = S3Server.startWithCredentials("owner", "owner-secret")) {
			locked.put("private", "data/a.jsonl", "{\"id\":1}\n".getBytes(StandardCharsets.UTF_8));
			assertRefused("s3://private/data/", "http://someone:p4ss@127.0.0.1:" + locked.endpoint().getPort(),
					"Access to s3://private/data/ is denied");
		}
		assertRefused("s3://exports/data/", "http://127.0.0.1:1",
				"Cannot reach S3 at http://127.0.0.1:1 to list " + "s3://exports/data/");
	}

	private void assertRefused(String file, String endpoint, String sentence) throws IOException {
		SharedDynalite.deleteAllTables();
		Path mapping = write("""
				name: s3-refused
				tables:
				  - { name: refused, partitionKey: { name: pk, type: S } }
				items:
				  - name: rows
				    table: refused
				    source: { file: "%s", format: jsonl, key: [id] }
				    attributes: { pk: "${id}" }
				""".formatted(file));
		Result result = execute("run", mapping.toString(), "--s3-endpoint-url", endpoint);
		assertThat(result.exitCode).as(result.output).isEqualTo(ExitCodes.INVALID);
		assertThat(result.output).contains(sentence).doesNotContain("p4ss").doesNotContain("Migrating");
		try (DynamoDbClient client = SharedDynalite.client()) {
			assertThat(client.listTables().tableNames()).as("tables created").isEmpty();
		}
	}

	private void assertSameItems(Path localMapping, String s3Mapping, List<String> tables) throws IOException {
		Map<String, Set<Map<String, AttributeValue>>> expected = run(localMapping, tables);
		assertThat(expected.values().stream().mapToInt(Set::size).sum()).isEqualTo(49203);
		Map<String, Set<Map<String, AttributeValue>>> actual = run(write(s3Mapping), tables);
		for (String table : tables) {
			assertThat(actual.get(table)).as("items of %s", table).hasSameSizeAs(expected.get(table));
			assertThat(actual.get(table)).as("items of %s", table).isEqualTo(expected.get(table));
		}
	}

	/**
	 * Runs a mapping into empty tables (with --s3-endpoint-url) and scans every table.
	 */
	private Map<String, Set<Map<String, AttributeValue>>> run(Path mapping, List<String> tables) {
		SharedDynalite.deleteAllTables();
		Result result = execute("run", mapping.toString(), "--s3-endpoint-url", s3.endpoint().toString());
		assertThat(result.exitCode).as(result.output).isEqualTo(ExitCodes.SUCCESS);
		Map<String, Set<Map<String, AttributeValue>>> items = new TreeMap<>();
		try (DynamoDbClient client = SharedDynalite.client()) {
			for (String table : tables) {
				Set<Map<String, AttributeValue>> scanned = new HashSet<>();
				client.scanPaginator((b) -> b.tableName(table)).items().forEach(scanned::add);
				items.put(table, scanned);
			}
		}
		return items;
	}

	private Result execute(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--endpoint-url", SharedDynalite.endpoint().toString(), "--state-dir",
				temp.resolve("state-" + System.nanoTime()).toString()));
		StringWriter out = new StringWriter();
		CommandLine cli = DynamoMigrate.commandLine();
		cli.setOut(new PrintWriter(out));
		cli.setErr(new PrintWriter(out));
		int exitCode = cli.execute(all.toArray(String[]::new));
		return new Result(exitCode, out.toString());
	}

	private Path write(String mapping) throws IOException {
		Path file = temp.resolve("mapping-" + System.nanoTime() + ".yml");
		Files.writeString(file, mapping);
		return file;
	}

	static byte[] gzip(byte[] content) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (OutputStream out = new GZIPOutputStream(bytes)) {
			out.write(content);
		}
		return bytes.toByteArray();
	}

	private record Result(int exitCode, String output) {
	}

}
