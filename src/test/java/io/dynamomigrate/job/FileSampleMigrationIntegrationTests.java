package io.dynamomigrate.job;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.dynamomigrate.cli.DynamoMigrate;
import io.dynamomigrate.testing.Postgres;
import io.dynamomigrate.testing.SharedDynalite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV and JSON Lines sample mappings write exactly the items the JDBC sample mapping
 * writes: each is run through the command line into dynalite, every table is scanned, and
 * the scans are compared item by item with the scan of the JDBC mapping's run
 * (music-tables.yml on the embedded H2 sample).
 */
class FileSampleMigrationIntegrationTests {

	private static final String REPOSITORY_SCHEMA = "dm_it_file_samples";

	private static final List<String> TABLES = List.of("artists", "albums", "tracks", "users", "playlists",
			"playlist_tracks", "plays");

	private static Map<String, Map<String, Map<String, AttributeValue>>> jdbcItems;

	@BeforeAll
	static void runTheJdbcMapping() throws Exception {
		Postgres.recreateSchema(REPOSITORY_SCHEMA);
		SharedDynalite.deleteAllTables();
		Run run = run("mappings/music-tables.yml");
		assertThat(run.exitCode).as(run.output).isEqualTo(ExitCodes.SUCCESS);
		jdbcItems = scan();
		assertThat(jdbcItems.values().stream().mapToInt(Map::size).sum()).isEqualTo(49203);
	}

	@AfterAll
	static void dropSchema() throws Exception {
		Postgres.dropSchema(REPOSITORY_SCHEMA);
	}

	@Test
	void csvMapping_writesExactlyTheItemsOfTheJdbcMapping() {
		assertSameItemsAsJdbc("mappings/music-tables-csv.yml");
	}

	@Test
	void jsonLinesMapping_writesExactlyTheItemsOfTheJdbcMapping() {
		assertSameItemsAsJdbc("mappings/music-tables-jsonl.yml");
	}

	private static void assertSameItemsAsJdbc(String mapping) {
		SharedDynalite.deleteAllTables();
		Run run = run(mapping);
		assertThat(run.exitCode).as(run.output).isEqualTo(ExitCodes.SUCCESS);
		assertThat(run.output).containsPattern("total\\s+49203\\s+49203\\s+0\\s+0");
		Map<String, Map<String, Map<String, AttributeValue>>> fileItems = scan();
		for (String table : TABLES) {
			Map<String, Map<String, AttributeValue>> expected = jdbcItems.get(table);
			Map<String, Map<String, AttributeValue>> actual = fileItems.get(table);
			assertThat(actual.keySet()).as("keys of %s", table).isEqualTo(expected.keySet());
			List<String> differences = new ArrayList<>();
			expected.forEach((key, item) -> {
				if (!item.equals(actual.get(key)) && differences.size() < 5) {
					differences.add(key + ": JDBC " + item + " but file " + actual.get(key));
				}
			});
			assertThat(differences).as("items of %s that differ", table).isEmpty();
		}
	}

	/** Every item of every sample table, by table and by its key attributes' values. */
	private static Map<String, Map<String, Map<String, AttributeValue>>> scan() {
		Map<String, Map<String, Map<String, AttributeValue>>> tables = new TreeMap<>();
		try (DynamoDbClient client = SharedDynalite.client()) {
			for (String table : TABLES) {
				List<String> key = client.describeTable((b) -> b.tableName(table))
					.table()
					.keySchema()
					.stream()
					.map((k) -> k.attributeName())
					.toList();
				Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
				client.scanPaginator((b) -> b.tableName(table))
					.items()
					.forEach((item) -> items.put(key.stream().map((k) -> item.get(k).n()).toList().toString(), item));
				tables.put(table, items);
			}
		}
		return tables;
	}

	private static Run run(String mapping) {
		StringWriter out = new StringWriter();
		CommandLine commandLine = DynamoMigrate.commandLine();
		commandLine.setOut(new PrintWriter(out));
		commandLine.setErr(new PrintWriter(out));
		int exitCode = commandLine.execute("run", mapping, "--endpoint-url", SharedDynalite.endpoint().toString(),
				"--repository-url", Postgres.url(REPOSITORY_SCHEMA), "--repository-user", Postgres.USER);
		return new Run(exitCode, out.toString());
	}

	private record Run(int exitCode, String output) {
	}

}
