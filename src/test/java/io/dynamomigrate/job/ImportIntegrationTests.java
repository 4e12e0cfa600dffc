package io.dynamomigrate.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.dynamomigrate.testing.ImportLoad;
import io.dynamomigrate.testing.ImportTableDouble;
import io.dynamomigrate.testing.Invariant;
import io.dynamomigrate.testing.Postgres;
import io.dynamomigrate.testing.S3Server;
import io.dynamomigrate.testing.SharedDynalite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code run --via-import} against s3proxy and {@link ImportTableDouble} (dynalite with
 * {@code ImportTable} and {@code DescribeImport} as DynamoDB documents them, dropping the
 * rest of an object after a bad line): bad rows become rejects before anything reaches
 * S3, so the import loads every good item and drops nothing; a run killed after the
 * upload while {@code ImportTable} is in flight, then restarted, makes exactly one import
 * (client token); what an import cannot do is refused before anything starts.
 */
@Invariant(1)
class ImportIntegrationTests {

	private static final String REPOSITORY = "dm_it_import";

	private static final int ROWS = 2000;

	@TempDir
	Path temp;

	private S3Server s3;

	private ImportTableDouble dynamodb;

	@BeforeEach
	void setUp() throws Exception {
		SharedDynalite.deleteAllTables();
		Postgres.recreateSchema(REPOSITORY);
		s3 = S3Server.start();
		s3.createBucket("imports");
		dynamodb = ImportTableDouble.start(SharedDynalite.endpoint(), s3.endpoint());
	}

	@AfterEach
	void tearDown() throws Exception {
		dynamodb.close();
		s3.close();
		Postgres.dropSchema(REPOSITORY);
	}

	@Test
	void badRowsAreRejectedBeforeUpload_soTheImportLoadsEveryGoodItem_andDropsNoObject() throws Exception {
		Path mapping = mapping(ROWS);
		EventsFixture.Run run = cli("run", mapping.toString(), "--via-import", "s3://imports/load-1/");

		assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
		// 2001 records: 100 bad (every 20th), and the last one replaces the item of id 5
		assertThat(run.output()).containsPattern("players\\s+import_players\\s+COMPLETED\\s+2001\\s+1900\\s+100\\s+1")
			.contains("Import of table import_players: COMPLETED, 1900 items processed, 1900 imported, 0 errors")
			.contains("CloudWatch log group " + "arn:aws:logs:");
		assertThat(dynamodb.imports()).hasSize(1);
		ImportLoad load = dynamodb.imports().get(0);
		assertThat(load.errors()).as("lines the import could not load").isEmpty();
		assertThat(load.objectsRead()).containsExactly("load-1/import_players/data/part-00000.json.gz");

		Map<String, String> names = new HashMap<>();
		try (DynamoDbClient client = SharedDynalite.client()) {
			client.scanPaginator((b) -> b.tableName("import_players"))
				.items()
				.forEach((item) -> names.put(item.get("id").n(), item.get("name").s()));
			TableDescription table = client.describeTable((b) -> b.tableName("import_players")).table();
			assertThat(table.globalSecondaryIndexes()).extracting((i) -> i.indexName()).containsExactly("by_team");
		}
		List<String> good = new ArrayList<>();
		for (int id = 1; id <= ROWS; id++) {
			if (id % 20 != 0) {
				good.add(Integer.toString(id));
			}
		}
		assertThat(names.keySet()).containsExactlyInAnyOrderElementsOf(good);
		assertThat(names.get("5")).as("the later record of a key, from another chunk, wins").isEqualTo("replaced");
		assertThat(names.get("7")).isEqualTo("player 7");

		List<String> rejects;
		try (Stream<Path> files = Files.list(temp.resolve("state/rejects"))) {
			rejects = Files.readAllLines(files.findFirst().orElseThrow());
		}
		assertThat(rejects).hasSize(100);
		for (int id = 20; id <= ROWS; id += 20) {
			String reason = id % 40 == 0 ? "RAGGED_ROW" : "INVALID_NUMBER";
			int line = id + 1;
			assertThat(rejects).as("row %d", id)
				.anyMatch((r) -> r.contains("\"key\":{\"line\":" + line + "}") && r.contains(reason));
		}
		assertThat(s3Text("load-1/import_players/manifest.json")).contains("\"items\" : 1900",
				"load-1/import_players/data/part-00000.json.gz");
	}

	@Test
	@Invariant(4)
	void killedWhileImportTableIsInFlight_restartMakesExactlyOneImport_andTheTargetIsExact() throws Exception {
		Path mapping = mapping(ROWS);
		dynamodb.holdImportReplies();
		JarProcesses processes = new JarProcesses(temp);
		List<String> args = new ArrayList<>(List.of("run", mapping.toString(), "--via-import", "s3://imports/load-2/"));
		args.addAll(options());
		Process process = processes.start("killed.log", args);
		processes.killWhen(process, () -> dynamodb.importTableCalls() >= 1, "killed.log");
		dynamodb.release();

		EventsFixture.Run restart = cli("restart", mapping.toString());

		// the item steps (and their rejects) completed in the killed execution: the
		// restart runs the import step only
		assertThat(restart.exitCode()).as(restart.output()).isEqualTo(ExitCodes.SUCCESS);
		assertThat(dynamodb.importTableCalls()).as("ImportTable calls: the killed run's and the restart's")
			.isEqualTo(2);
		assertThat(dynamodb.imports()).as("imports started").hasSize(1);
		assertThat(restart.output()).contains("1900 imported, 0 errors");
		try (DynamoDbClient client = SharedDynalite.client()) {
			List<Map<String, AttributeValue>> items = client.scanPaginator((b) -> b.tableName("import_players"))
				.items()
				.stream()
				.toList();
			assertThat(items).hasSize(1900);
			assertThat(items).allMatch((item) -> Integer.parseInt(item.get("id").n()) % 20 != 0);
		}
	}

	@Test
	void anExistingTable_aMissingBucket_deniedOrUnreachableS3_areRefusedInOneSentence_andNothingStarts()
			throws Exception {
		Path mapping = mapping(40);
		try (S3Server secured = S3Server.startWithCredentials("import-id", "import-secret")) {
			secured.createBucket("imports");
			EventsFixture.Run denied = cli(options(secured.endpoint().toString()), "run", mapping.toString(),
					"--via-import", "s3://imports/load-3/");
			assertThat(denied.exitCode()).as(denied.output()).isEqualTo(ExitCodes.INVALID);
			assertThat(denied.output()).contains("Access to s3://imports/load-3/ is denied");
		}
		EventsFixture.Run unreachable = cli(options("http://127.0.0.1:1"), "run", mapping.toString(), "--via-import",
				"s3://imports/load-3/");
		assertThat(unreachable.exitCode()).as(unreachable.output()).isEqualTo(ExitCodes.INVALID);
		assertThat(unreachable.output())
			.contains("Cannot reach S3 at http://127.0.0.1:1 to write s3://imports/load-3/");
		EventsFixture.Run missingBucket = cli("run", mapping.toString(), "--via-import", "s3://no-such-bucket/x/");
		assertThat(missingBucket.exitCode()).as(missingBucket.output()).isEqualTo(ExitCodes.INVALID);
		assertThat(missingBucket.output())
			.contains("The bucket `no-such-bucket` of s3://no-such-bucket/x/ does not " + "exist at " + s3.endpoint());
		try (DynamoDbClient client = SharedDynalite.client()) {
			assertThat(client.listTables().tableNames()).isEmpty();
			client.createTable((b) -> b.tableName("import_players")
				.keySchema((k) -> k.attributeName("id").keyType("HASH"))
				.attributeDefinitions((d) -> d.attributeName("id").attributeType("N"))
				.billingMode("PAY_PER_REQUEST"));
		}
		EventsFixture.Run existing = cli("run", mapping.toString(), "--via-import", "s3://imports/load-3/");
		assertThat(existing.exitCode()).as(existing.output()).isEqualTo(ExitCodes.INVALID);
		assertThat(existing.output()).contains("Table import_players already exists at",
				"Import from S3 only creates new tables");
		assertThat(dynamodb.importTableCalls()).isZero();
		assertThat(Files.exists(temp.resolve("state/imports"))).as("no staging started").isFalse();
	}

	/**
	 * A CSV of {@code rows} players (every 20th bad: a score that is not a number, or a
	 * ragged row) and one more row that gives id 5 another name, with its mapping.
	 */
	private Path mapping(int rows) throws Exception {
		StringBuilder csv = new StringBuilder("id,name,team,score\n");
		for (int id = 1; id <= rows; id++) {
			if (id % 40 == 0) {
				csv.append(id).append(",player ").append(id).append(",t").append(id % 7).append(",1,extra\n");
			}
			else {
				csv.append(id)
					.append(",player ")
					.append(id)
					.append(",t")
					.append(id % 7)
					.append(',')
					.append(id % 20 == 0 ? "lots" : id + ".5")
					.append('\n');
			}
		}
		csv.append("5,replaced,t5,5.5\n");
		Files.writeString(temp.resolve("players.csv"), csv);
		Path mapping = temp.resolve("players.yml");
		Files.writeString(mapping, """
				name: import-players
				tables:
				  - name: import_players
				    partitionKey: { name: id, type: N }
				    globalSecondaryIndexes:
				      - { name: by_team, partitionKey: { name: team, type: S }, projection: ALL }
				items:
				  - name: players
				    table: import_players
				    chunkSize: 100
				    maxRejects: 1000
				    source: { file: players.csv, key: [id] }
				    attributes:
				      id: { value: "${id}", type: N }
				      name: "${name}"
				      team: "${team}"
				      score: { value: "${score}", type: N }
				""");
		return mapping;
	}

	private List<String> options() {
		return options(s3.endpoint().toString());
	}

	private List<String> options(String s3Endpoint) {
		return List.of("--endpoint-url", dynamodb.endpoint().toString(), "--s3-endpoint-url", s3Endpoint,
				"--repository-url", Postgres.url(REPOSITORY), "--repository-user", Postgres.USER, "--state-dir",
				temp.resolve("state").toString());
	}

	private EventsFixture.Run cli(String... args) {
		return cli(options(), args);
	}

	private EventsFixture.Run cli(List<String> options, String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(options);
		return EventsFixture.cli(all.toArray(String[]::new));
	}

	private String s3Text(String key) {
		try (var client = io.dynamomigrate.dynamodb.client.S3Clients.create(s3.endpoint().toString(), 2)) {
			return client.getObjectAsBytes((r) -> r.bucket("imports").key(key)).asUtf8String();
		}
	}

}
