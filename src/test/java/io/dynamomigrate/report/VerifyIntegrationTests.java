package io.dynamomigrate.report;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.dynamomigrate.cli.DynamoMigrate;
import io.dynamomigrate.testing.SharedDynalite;
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
 * {@code verify} against dynalite: it passes on an untouched target and finds an item
 * deleted, an attribute changed and an item added behind the tool's back.
 */
class VerifyIntegrationTests {

	private static final String MAPPING = "src/test/resources/verify/notes.yml";

	private static final String TABLE = "verify-notes";

	@TempDir
	Path state;

	@BeforeEach
	void migrate() {
		SharedDynalite.deleteAllTables();
		Run run = cli("run", MAPPING);
		assertThat(run.exitCode).as(run.output).isZero();
	}

	@Test
	void untouchedTarget_isIdentical() throws Exception {
		Run verify = cli("verify", MAPPING, "--scan");
		assertThat(verify.exitCode).as(verify.output).isZero();
		JsonNode table = report().path("tables").get(0);
		assertThat(table.path("expected").asLong()).isEqualTo(300);
		assertThat(table.path("compared").asLong()).isEqualTo(300);
		assertThat(
				table.path("missing").asLong() + table.path("different").asLong() + table.path("unexpected").asLong())
			.isZero();
		assertThat(verify.output).contains("Identical");
	}

	@Test
	void changesBehindTheToolsBack_areFoundWithAttributeLevelDifferences() throws Exception {
		try (DynamoDbClient client = SharedDynalite.client()) {
			client.deleteItem((b) -> b.tableName(TABLE).key(key("owner-3", "10")));
			client.updateItem((b) -> b.tableName(TABLE)
				.key(key("owner-1", "15"))
				.updateExpression("SET title = :t")
				.expressionAttributeValues(Map.of(":t", AttributeValue.fromS("edited"))));
			client.putItem((b) -> b.tableName(TABLE)
				.item(Map.of("owner", AttributeValue.fromS("intruder"), "id", AttributeValue.fromN("999"), "title",
						AttributeValue.fromS("not from the source"))));
		}
		Run verify = cli("verify", MAPPING, "--scan");
		assertThat(verify.exitCode).as(verify.output).isEqualTo(7);
		JsonNode table = report().path("tables").get(0);
		assertThat(table.path("missing").asLong()).isEqualTo(1);
		assertThat(table.path("different").asLong()).isEqualTo(1);
		assertThat(table.path("unexpected").asLong()).isEqualTo(1);
		List<String> found = new ArrayList<>();
		for (JsonNode example : table.path("examples")) {
			found.add(example.path("kind").asString() + " " + example.path("key").asString());
			if (example.path("kind").asString().equals("DIFFERENT")) {
				JsonNode attribute = example.path("attributes").get(0);
				assertThat(attribute.path("attribute").asString()).isEqualTo("title");
				assertThat(attribute.path("expected").asString()).contains("note 15");
				assertThat(attribute.path("actual").asString()).contains("edited");
				assertThat(example.path("attributes")).hasSize(1);
				assertThat(example.path("position").asString()).isEqualTo("notes[id=15]");
			}
		}
		assertThat(found).containsExactlyInAnyOrder("MISSING id=10, owner=owner-3", "DIFFERENT id=15, owner=owner-1",
				"UNEXPECTED id=999, owner=intruder");
	}

	@Test
	void withoutScan_addedItemsAreNotLookedFor_andSamplingComparesAStableShare() throws Exception {
		try (DynamoDbClient client = SharedDynalite.client()) {
			client.putItem((b) -> b.tableName(TABLE)
				.item(Map.of("owner", AttributeValue.fromS("intruder"), "id", AttributeValue.fromN("999"))));
		}
		Run first = cli("verify", MAPPING, "--sample", "30");
		assertThat(first.exitCode).as(first.output).isZero();
		long compared = report().path("tables").get(0).path("compared").asLong();
		assertThat(compared).isBetween(60L, 120L);
		Run second = cli("verify", MAPPING, "--sample", "30", "--report", state.resolve("second").toString());
		assertThat(second.exitCode).isZero();
		assertThat(report(state.resolve("second")).path("tables").get(0).path("compared").asLong()).isEqualTo(compared);
	}

	private static Map<String, AttributeValue> key(String owner, String id) {
		return Map.of("owner", AttributeValue.fromS(owner), "id", AttributeValue.fromN(id));
	}

	private JsonNode report() throws Exception {
		return report(state.resolve("reports"));
	}

	private static JsonNode report(Path directory) throws Exception {
		try (Stream<Path> files = Files.list(directory)) {
			Path json = files.filter((p) -> p.getFileName().toString().contains("-verify-"))
				.filter((p) -> p.toString().endsWith(".json"))
				.findFirst()
				.orElseThrow();
			return JsonMapper.builder().build().readTree(Files.readString(json));
		}
	}

	private Run cli(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--endpoint-url", SharedDynalite.endpoint().toString(), "--state-dir", state.toString()));
		StringWriter out = new StringWriter();
		CommandLine commandLine = DynamoMigrate.commandLine();
		commandLine.setOut(new PrintWriter(out));
		commandLine.setErr(new PrintWriter(out));
		return new Run(commandLine.execute(all.toArray(String[]::new)), out.toString());
	}

	private record Run(int exitCode, String output) {
	}

}
