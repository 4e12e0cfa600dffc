package io.dynamomigrate.fleet;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.dynamomigrate.cli.DynamoMigrate;
import io.dynamomigrate.testing.Chromium;
import io.dynamomigrate.testing.Postgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fleet dry-run} over two PostgreSQL shards whose rows share exactly ten primary
 * keys of the one table they write: the one report (JSON, and HTML rendered in headless
 * Chromium) shows both entries' steps and exactly those ten collisions, each naming both
 * entries; nothing is written.
 */
class FleetDryRunIntegrationTests {

	private static final String[] SHARDS = { "dm_it_fleetdry_a", "dm_it_fleetdry_b" };

	@TempDir
	Path temp;

	@BeforeEach
	void setUp() throws Exception {
		for (int s = 0; s < SHARDS.length; s++) {
			Postgres.recreateSchema(SHARDS[s]);
			try (Connection connection = Postgres.connect(SHARDS[s]);
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE orders (order_id INT PRIMARY KEY, amount NUMERIC(10,2))");
				int from = s == 0 ? 1 : 41; // a: 1..50, b: 41..90 -> ten keys in common
				statement.execute(
						"INSERT INTO orders SELECT g, g * 2 FROM generate_series(" + from + ", " + (from + 49) + ") g");
			}
		}
		Files.writeString(temp.resolve("orders.yml"), """
				name: orders
				source:
				  url: "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=${schema}"
				  user: postgres
				tables:
				  - name: fleet_dry_orders
				    partitionKey: { name: pk, type: S }
				items:
				  - name: order
				    table: fleet_dry_orders
				    source: { table: orders, key: [order_id] }
				    attributes:
				      pk: "ORDER#${order_id}"
				      amount: { value: "${amount}", type: N }
				""", StandardCharsets.UTF_8);
		Files.writeString(temp.resolve("fleet.yml"), """
				name: dry
				shards:
				  - name: "shard-${schema}"
				    mapping: orders.yml
				    variables: [{ schema: %s }, { schema: %s }]
				""".formatted(SHARDS[0], SHARDS[1]), StandardCharsets.UTF_8);
	}

	@AfterEach
	void tearDown() throws Exception {
		for (String shard : SHARDS) {
			Postgres.dropSchema(shard);
		}
	}

	@Test
	void twoShardsSharingTenKeys_oneReportNamesExactlyThoseTenCollisionsWithBothEntries() throws Exception {
		Path reports = temp.resolve("reports");
		StringWriter out = new StringWriter();
		CommandLine commandLine = DynamoMigrate.commandLine();
		commandLine.setOut(new PrintWriter(out));
		commandLine.setErr(new PrintWriter(out));
		int exitCode = commandLine.execute("fleet", "dry-run", temp.resolve("fleet.yml").toString(), "--report",
				reports.toString(), "--state-dir", temp.resolve("state").toString());

		assertThat(exitCode).as(out.toString()).isEqualTo(5);
		JsonNode report = json(reports);
		assertThat(report.path("steps")).extracting((s) -> s.path("step").asString())
			.containsExactly("shard-dm_it_fleetdry_a/order", "shard-dm_it_fleetdry_b/order");
		assertThat(report.path("steps")).allSatisfy((s) -> assertThat(s.path("read").asLong()).isEqualTo(50));
		assertThat(report.path("collisions").path("count").asLong()).isEqualTo(10);
		List<String> keys = new ArrayList<>();
		for (JsonNode collision : report.path("collisions").path("examples")) {
			keys.add(collision.path("key").asString());
			assertThat(collision.path("firstPosition").asString()).startsWith("entry shard-dm_it_fleetdry_a, ");
			assertThat(collision.path("secondPosition").asString()).startsWith("entry shard-dm_it_fleetdry_b, ");
		}
		List<String> expected = new ArrayList<>();
		for (int id = 41; id <= 50; id++) {
			expected.add("ORDER#" + id);
		}
		assertThat(keys).hasSize(10).allSatisfy((k) -> assertThat(expected).anyMatch(k::contains));

		Path html;
		try (Stream<Path> files = Files.list(reports)) {
			html = files.filter((p) -> p.toString().endsWith(".html")).findFirst().orElseThrow();
		}
		String dom = Chromium.dom(html);
		List<String> collisionRows = java.util.regex.Pattern.compile("(?s)<tr>.*?</tr>")
			.matcher(dom)
			.results()
			.map(java.util.regex.MatchResult::group)
			.filter((row) -> row.contains("entry shard-dm_it_fleetdry_a, ")
					&& row.contains("entry shard-dm_it_fleetdry_b, "))
			.toList();
		assertThat(collisionRows).as("rows of the collisions table, each naming both entries").hasSize(10);
		for (String key : expected) {
			assertThat(collisionRows).as(key).anyMatch((row) -> row.contains(key + "<") || row.contains(key + "\""));
		}
	}

	private static JsonNode json(Path directory) throws Exception {
		try (Stream<Path> files = Files.list(directory)) {
			Path json = files.filter((p) -> p.toString().endsWith(".json")).findFirst().orElseThrow();
			return JsonMapper.builder().build().readTree(Files.readString(json));
		}
	}

}
