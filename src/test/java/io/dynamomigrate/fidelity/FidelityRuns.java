package io.dynamomigrate.fidelity;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.dynamomigrate.cli.DynamoMigrate;
import io.dynamomigrate.testing.SharedDynalite;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs commands of the real command line in this JVM against the shared dynalite, and
 * reads back what they did: the items of a table through the SDK (a scan), and the
 * rejects files of a state directory by mode.
 */
final class FidelityRuns {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private FidelityRuns() {
	}

	/** Writes a mapping file. */
	static Path mapping(Path directory, String name, String text) throws IOException {
		Path file = directory.resolve(name + ".yml");
		Files.writeString(file, text, StandardCharsets.UTF_8);
		return file;
	}

	/**
	 * Runs a command ({@code run}, {@code dry-run}, {@code verify}...) against dynalite
	 * with its own state.
	 */
	static Run cli(String command, Path mapping, Path state, String... more) {
		List<String> args = new ArrayList<>(List.of(command, mapping.toString(), "--endpoint-url",
				SharedDynalite.endpoint().toString(), "--state-dir", state.toString()));
		args.addAll(List.of(more));
		StringWriter out = new StringWriter();
		CommandLine commandLine = DynamoMigrate.commandLine();
		commandLine.setOut(new PrintWriter(out));
		commandLine.setErr(new PrintWriter(out));
		int exitCode = commandLine.execute(args.toArray(String[]::new));
		return new Run(exitCode, out.toString());
	}

	/** The items of a table by the text of the given key attribute (its S or N value). */
	static Map<String, Map<String, AttributeValue>> items(String table, String key) {
		Map<String, Map<String, AttributeValue>> items = new LinkedHashMap<>();
		try (DynamoDbClient client = SharedDynalite.client()) {
			client.scanPaginator((b) -> b.tableName(table).consistentRead(true)).items().forEach((item) -> {
				AttributeValue value = item.get(key);
				items.put(value.s() != null ? value.s() : value.n(), item);
			});
		}
		return items;
	}

	/**
	 * The rejects written under a state directory by files whose name contains
	 * {@code part}, in file order.
	 */
	static List<JsonNode> rejects(Path state, String part) throws IOException {
		List<JsonNode> rejects = new ArrayList<>();
		Path directory = state.resolve("rejects");
		if (!Files.isDirectory(directory)) {
			return rejects;
		}
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.filter((f) -> f.getFileName().toString().contains(part)).sorted().toList()) {
				for (String line : Files.readAllLines(file)) {
					rejects.add(JSON.readTree(line));
				}
			}
		}
		return rejects;
	}

	/**
	 * Rejects by the given key field of their position: reason and attribute as
	 * {@code REASON:attribute}.
	 */
	static Map<String, String> reasons(List<JsonNode> rejects, String keyField) {
		Map<String, String> reasons = new LinkedHashMap<>();
		for (JsonNode reject : rejects) {
			String key = reject.path("key").path(keyField).asString();
			String previous = reasons.put(key,
					reject.path("reason").asString() + ":" + reject.path("attribute").asString(""));
			if (previous != null) {
				throw new AssertionError("Rejected twice: " + key + " " + reject);
			}
		}
		return reasons;
	}

	record Run(int exitCode, String output) {
	}

}
