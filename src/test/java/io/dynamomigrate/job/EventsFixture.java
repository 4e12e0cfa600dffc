package io.dynamomigrate.job;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.cli.DynamoMigrate;
import io.dynamomigrate.testing.Postgres;
import io.dynamomigrate.testing.SharedDynalite;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated PostgreSQL source for restart tests: table {@code events(id, name, amount)}
 * with {@code rows} rows (or the same rows as JSON Lines files), the mapping that copies
 * it into the DynamoDB table {@value #TABLE}, the items it must produce, and helpers to
 * run commands in this JVM and to compare the target with the expected items.
 */
final class EventsFixture {

	static final String TABLE = "restart_events";

	private EventsFixture() {
	}

	/**
	 * Creates {@code events} with rows 1..rows: name {@code event-<id>}, amount
	 * {@code id * 3}.
	 */
	static void createEvents(String schema, String table, int rows) throws SQLException {
		try (Connection c = Postgres.connect(schema); Statement s = c.createStatement()) {
			s.execute("DROP TABLE IF EXISTS " + table);
			s.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, name TEXT, amount BIGINT)");
			s.execute(
					"INSERT INTO " + table + " SELECT g, 'event-' || g, g * 3 FROM generate_series(1, " + rows + ") g");
		}
	}

	/**
	 * The mapping text for {@code events} with the given chunk size and extra item keys
	 * (e.g. maxRejects).
	 */
	static String mapping(String name, String schema, String sourceTable, int chunkSize, String extraItemLines) {
		return """
				name: %s
				source:
				  url: "%s"
				  user: postgres
				tables:
				  - name: %s
				    partitionKey: { name: id, type: N }
				items:
				  - name: event
				    table: %s
				    source: { table: %s, key: [id] }
				    chunkSize: %d
				%s    attributes:
				      id: "${id}"
				      name: { value: "${name}", onNull: reject }
				      amount: "${amount}"
				""".formatted(name, Postgres.url(schema), TABLE, TABLE, sourceTable, chunkSize, extraItemLines);
	}

	/**
	 * Writes the rows {@code createEvents} makes, 1..rows, as {@code files} JSON Lines
	 * files {@code events-<n>.jsonl} of about equal size in {@code directory}, read in
	 * that order as one file source (the same items).
	 */
	static Path writeEventFiles(Path directory, int files, int rows) throws IOException {
		Files.createDirectories(directory);
		int perFile = (rows + files - 1) / files;
		for (int file = 0; file < files; file++) {
			StringBuilder lines = new StringBuilder();
			for (long id = (long) file * perFile + 1; id <= Math.min(rows, (long) (file + 1) * perFile); id++) {
				lines.append("{\"id\": ")
					.append(id)
					.append(", \"name\": \"event-")
					.append(id)
					.append("\", \"amount\": ")
					.append(id * 3)
					.append("}\n");
			}
			Files.writeString(directory.resolve("events-" + (file + 1) + ".jsonl"), lines, StandardCharsets.UTF_8);
		}
		return directory;
	}

	/**
	 * The mapping text for the files of {@link #writeEventFiles}: the same table, step
	 * name and items.
	 */
	static String fileMapping(String name, Path directory, int chunkSize) {
		return """
				name: %s
				tables:
				  - name: %s
				    partitionKey: { name: id, type: N }
				items:
				  - name: event
				    table: %s
				    source: { file: "%s", format: jsonl, key: [id] }
				    chunkSize: %d
				    attributes:
				      id: "${id}"
				      name: { value: "${name}", onNull: reject }
				      amount: "${amount}"
				""".formatted(name, TABLE, TABLE, directory, chunkSize);
	}

	static Path write(Path file, String text) throws IOException {
		Files.writeString(file, text, StandardCharsets.UTF_8);
		return file;
	}

	/** The items {@code events} with rows 1..rows must become, by id. */
	static Map<String, Map<String, AttributeValue>> expected(int rows) {
		Map<String, Map<String, AttributeValue>> items = new HashMap<>();
		for (long id = 1; id <= rows; id++) {
			items.put(Long.toString(id), Map.of("id", AttributeValue.fromN(Long.toString(id)), "name",
					AttributeValue.fromS("event-" + id), "amount", AttributeValue.fromN(Long.toString(id * 3))));
		}
		return items;
	}

	/**
	 * Asserts that the target table holds exactly the expected items, attribute for
	 * attribute.
	 */
	static void assertTargetEquals(Map<String, Map<String, AttributeValue>> expected) {
		Map<String, Map<String, AttributeValue>> actual = new HashMap<>();
		try (DynamoDbClient client = SharedDynalite.client()) {
			client.scanPaginator((b) -> b.tableName(TABLE)).items().forEach((item) -> {
				Map<String, AttributeValue> previous = actual.put(item.get("id").n(), item);
				assertThat(previous).as("one item per id").isNull();
			});
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

	/** Runs a command line in this JVM. */
	static Run cli(String... args) {
		StringWriter out = new StringWriter();
		CommandLine commandLine = DynamoMigrate.commandLine();
		commandLine.setOut(new PrintWriter(out));
		commandLine.setErr(new PrintWriter(out));
		int exitCode = commandLine.execute(args);
		return new Run(exitCode, out.toString());
	}

	record Run(int exitCode, String output) {
	}

}
