package io.dynamomigrate.fidelity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.fidelity.FidelityRuns.Run;
import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.testing.Invariant;
import io.dynamomigrate.testing.SharedDynalite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key types (issue 12, defect 7): a JSON string {@code "7"} for a key declared N was
 * written as the number 7. A key or index key value of another type than the table
 * declares is an INVALID_KEY_TYPE reject of its record, whether or not the attribute
 * declares a type, predicted by dry-run; {@code number(x)} and {@code text(x)} convert on
 * request.
 */
@Invariant(9)
class KeyTypesIntegrationTests {

	@TempDir
	Path temp;

	@Test
	void aKeyValueOfAnotherType_isRejected_andNumberOrTextConvertsOnRequest() throws Exception {
		SharedDynalite.deleteAllTables();
		Files.writeString(temp.resolve("a.jsonl"), """
				{"id": 1, "g": "x"}
				{"id": "7", "g": "y"}
				{"id": 8, "g": 9}
				""");
		Path mapping = FidelityRuns.mapping(temp, "keytypes", """
				name: keytypes
				tables:
				  - name: strict
				    partitionKey: { name: id, type: N }
				    globalSecondaryIndexes: [ { name: byG, partitionKey: { name: g, type: S } } ]
				  - { name: undeclared, partitionKey: { name: id, type: N } }
				  - name: converted
				    partitionKey: { name: id, type: N }
				    globalSecondaryIndexes: [ { name: byG, partitionKey: { name: g, type: S } } ]
				items:
				  - { name: strict, table: strict, source: { file: a.jsonl, key: [id] },
				      attributes: { id: { value: "${id}", type: N }, g: { value: "${g}", type: S } } }
				  - { name: undeclared, table: undeclared, source: { file: a.jsonl, key: [id] },
				      attributes: { id: "${id}" } }
				  - { name: converted, table: converted, source: { file: a.jsonl, key: [id] },
				      attributes: { id: "${number(id)}", g: "${text(g)}" } }
				""");

		Run dryRun = FidelityRuns.cli("dry-run", mapping, temp.resolve("dry"));
		Run run = FidelityRuns.cli("run", mapping, temp.resolve("run"));

		assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
		Map<String, String> strict = Map.of("2", "INVALID_KEY_TYPE:id", "3", "INVALID_KEY_TYPE:g");
		assertThat(FidelityRuns.reasons(rejects("run", "strict"), "line")).isEqualTo(strict);
		assertThat(FidelityRuns.reasons(rejects("run", "undeclared"), "line"))
			.isEqualTo(Map.of("2", "INVALID_KEY_TYPE:id"));
		assertThat(rejects("run", "converted")).isEmpty();
		assertThat(rejects("run", "strict")).first()
			.satisfies((r) -> assertThat(r.path("message").asString()).contains("is S `7`")
				.contains("key is of type N")
				.contains("number(...)"));

		assertThat(FidelityRuns.items("strict", "id")).containsOnlyKeys("1");
		assertThat(FidelityRuns.items("undeclared", "id")).containsOnlyKeys("1", "8");
		Map<String, Map<String, AttributeValue>> converted = FidelityRuns.items("converted", "id");
		assertThat(converted).containsOnlyKeys("1", "7", "8");
		assertThat(converted.get("7")).containsEntry("id", AttributeValue.fromN("7"))
			.containsEntry("g", AttributeValue.fromS("y"));
		assertThat(converted.get("8")).containsEntry("g", AttributeValue.fromS("9"));

		assertThat(FidelityRuns.reasons(rejects("dry", "strict"), "line")).isEqualTo(strict);
		assertThat(FidelityRuns.reasons(rejects("dry", "undeclared"), "line"))
			.isEqualTo(Map.of("2", "INVALID_KEY_TYPE:id"));
	}

	/** The rejects of one step, from the job's rejects file. */
	private List<JsonNode> rejects(String state, String step) throws Exception {
		return FidelityRuns.rejects(temp.resolve(state), "")
			.stream()
			.filter((r) -> r.path("step").asString().equals(step))
			.toList();
	}

}
