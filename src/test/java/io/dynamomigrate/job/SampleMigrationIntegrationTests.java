package io.dynamomigrate.job;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.dynamomigrate.cli.DynamoMigrate;
import io.dynamomigrate.sample.SampleDatabase;
import io.dynamomigrate.testing.Postgres;
import io.dynamomigrate.testing.SharedDynalite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs both sample mappings from the embedded H2 sample and from PostgreSQL into dynalite
 * through the command line, scans every target table with the AWS SDK, and compares every
 * item and every attribute with the items computed independently from the source rows
 * ({@link ExpectedSampleItems}). The job repository is PostgreSQL.
 */
class SampleMigrationIntegrationTests {

	private static final String SOURCE_SCHEMA = "dm_it_music";

	private static final String REPOSITORY_SCHEMA = "dm_it_repository";

	@BeforeAll
	static void loadPostgresSample() throws Exception {
		Postgres.recreateSchema(SOURCE_SCHEMA);
		Postgres.recreateSchema(REPOSITORY_SCHEMA);
		try (Connection c = Postgres.connect(SOURCE_SCHEMA)) {
			SampleDatabase.load(c);
		}
	}

	@AfterAll
	static void dropSchemas() throws Exception {
		Postgres.dropSchema(SOURCE_SCHEMA);
		Postgres.dropSchema(REPOSITORY_SCHEMA);
	}

	@BeforeEach
	void emptyTarget() {
		SharedDynalite.deleteAllTables();
	}

	@Test
	void singleTableMapping_fromH2_writesExactlyTheExpectedItems() throws Exception {
		Run run = run("mappings/music-catalog.yml");
		assertThat(run.exitCode).as(run.output).isEqualTo(ExitCodes.SUCCESS);
		try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:music", "sa", "")) {
			assertSingleTable(new ExpectedSampleItems(h2).singleTable());
		}
		assertThat(run.output).contains("Target: " + SharedDynalite.endpoint(), "region us-east-1", "COMPLETED")
			.containsPattern("total\\s+40810\\s+40810\\s+0\\s+0");
	}

	@Test
	void singleTableMapping_fromPostgres_writesExactlyTheExpectedItems() throws Exception {
		Run run = run("mappings/music-catalog.yml", "--source-url", Postgres.url(SOURCE_SCHEMA), "--source-user",
				Postgres.USER);
		assertThat(run.exitCode).as(run.output).isEqualTo(ExitCodes.SUCCESS);
		try (Connection pg = Postgres.connect(SOURCE_SCHEMA)) {
			assertSingleTable(new ExpectedSampleItems(pg).singleTable());
		}
	}

	@Test
	void tablePerTableMapping_fromH2_writesExactlyTheExpectedItems() throws Exception {
		Run run = run("mappings/music-tables.yml");
		assertThat(run.exitCode).as(run.output).isEqualTo(ExitCodes.SUCCESS);
		try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:music", "sa", "")) {
			assertTables(new ExpectedSampleItems(h2).recordToRecord());
		}
	}

	@Test
	void tablePerTableMapping_fromPostgres_writesExactlyTheExpectedItems_andRunningAgainChangesNothing()
			throws Exception {
		String[] postgres = { "--source-url", Postgres.url(SOURCE_SCHEMA), "--source-user", Postgres.USER };
		Run first = run("mappings/music-tables.yml", postgres);
		assertThat(first.exitCode).as(first.output).isEqualTo(ExitCodes.SUCCESS);
		Run second = run("mappings/music-tables.yml", postgres);
		assertThat(second.exitCode).as(second.output).isEqualTo(ExitCodes.SUCCESS);
		assertThat(second.output).containsPattern("total\\s+49203\\s+49203\\s+0\\s+0");
		try (Connection pg = Postgres.connect(SOURCE_SCHEMA)) {
			assertTables(new ExpectedSampleItems(pg).recordToRecord());
		}
	}

	static void assertSingleTable(List<Map<String, AttributeValue>> expected) {
		assertItems("music", expected, List.of("pk", "sk"));
	}

	static void assertTables(Map<String, List<Map<String, AttributeValue>>> expected) {
		try (DynamoDbClient client = SharedDynalite.client()) {
			assertThat(new TreeSet<>(client.listTables().tableNames())).isEqualTo(new TreeSet<>(expected.keySet()));
		}
		Map<String, List<String>> keys = Map.of("artists", List.of("artist_id"), "albums", List.of("album_id"),
				"tracks", List.of("track_id"), "users", List.of("user_id"), "playlists", List.of("playlist_id"),
				"playlist_tracks", List.of("playlist_id", "position"), "plays", List.of("play_id"));
		expected.forEach((table, items) -> assertItems(table, items, keys.get(table)));
	}

	/**
	 * Compares by primary key: the same keys, and for every key the same attributes with
	 * the same values.
	 */
	private static void assertItems(String table, List<Map<String, AttributeValue>> expected, List<String> key) {
		Map<List<AttributeValue>, Map<String, AttributeValue>> actual = new HashMap<>();
		try (DynamoDbClient client = SharedDynalite.client()) {
			client.scanPaginator((b) -> b.tableName(table)).items().forEach((item) -> actual.put(key(item, key), item));
		}
		Map<List<AttributeValue>, Map<String, AttributeValue>> wanted = new HashMap<>();
		expected.forEach((item) -> wanted.put(key(item, key), item));
		assertThat(wanted).as("expected items of %s have unique keys", table).hasSize(expected.size());
		assertThat(actual.keySet()).as("keys in %s", table).isEqualTo(wanted.keySet());
		List<String> differences = new ArrayList<>();
		wanted.forEach((k, item) -> {
			if (!item.equals(actual.get(k)) && differences.size() < 5) {
				differences.add(k + ": expected " + item + " but was " + actual.get(k));
			}
		});
		assertThat(differences).as("items of %s that differ", table).isEmpty();
	}

	private static List<AttributeValue> key(Map<String, AttributeValue> item, List<String> key) {
		return key.stream().map(item::get).toList();
	}

	private static Run run(String mapping, String... options) {
		List<String> args = new ArrayList<>(
				List.of("run", mapping, "--endpoint-url", SharedDynalite.endpoint().toString(), "--repository-url",
						Postgres.url(REPOSITORY_SCHEMA), "--repository-user", Postgres.USER));
		args.addAll(List.of(options));
		StringWriter out = new StringWriter();
		CommandLine commandLine = DynamoMigrate.commandLine();
		commandLine.setOut(new PrintWriter(out));
		commandLine.setErr(new PrintWriter(out));
		int exitCode = commandLine.execute(args.toArray(String[]::new));
		return new Run(exitCode, out.toString());
	}

	private record Run(int exitCode, String output) {
	}

}
