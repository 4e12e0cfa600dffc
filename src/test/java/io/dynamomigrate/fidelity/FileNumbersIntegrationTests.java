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
 * Numbers in files that DynamoDB cannot hold: a JSON number with a huge exponent
 * ({@code 1e999999999}, issue 18 defect 8) is a reject with its file and line and its
 * exponent kept in the message (it ran out of memory when written out in plain digits),
 * and a DynamoDB JSON {@code {"N": "NaN"}} is a number that is not finite (issue 12,
 * defect 8), as the same value is from PostgreSQL, not malformed JSON.
 */
@Invariant({ 6, 9 })
class FileNumbersIntegrationTests {

	@TempDir
	Path temp;

	@Test
	void hugeExponents_areRejectsWithTheirLine_andTheirExponentKept() throws Exception {
		SharedDynalite.deleteAllTables();
		Files.writeString(temp.resolve("numbers.jsonl"), """
				{"id": 1, "n": 1e999999999}
				{"id": 2, "n": 2.50}
				{"id": 3, "n": -1e-999999999}
				{"id": 4, "n": 4, "m": 1E+999999999}
				{"id": 5, "n": 5, "doc": {"deep": [1e999999999]}}
				""");
		Path mapping = FidelityRuns.mapping(temp, "numbers", """
				name: numbers
				tables:
				  - { name: numbers, partitionKey: { name: id, type: N } }
				items:
				  - name: numbers
				    table: numbers
				    source: { file: numbers.jsonl, key: [id] }
				    attributes:
				      id: "${id}"
				      n: "${n}"
				      label: "m=${m}"
				      doc: "${doc}"
				""");

		Run run = FidelityRuns.cli("run", mapping, temp.resolve("state"));

		assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
		List<JsonNode> rejects = FidelityRuns.rejects(temp.resolve("state"), "");
		assertThat(FidelityRuns.reasons(rejects, "line")).isEqualTo(Map.of("1", "INVALID_NUMBER:n", "3",
				"INVALID_NUMBER:n", "4", "INVALID_NUMBER:label", "5", "INVALID_NUMBER:doc"));
		assertThat(rejects).allSatisfy((r) -> assertThat(r.path("source").asString()).endsWith("numbers.jsonl"));
		assertThat(rejects.get(0).path("value").asString()).isEqualTo("1E+999999999");
		assertThat(rejects.get(0).path("message").asString()).contains("outside DynamoDB's range");
		assertThat(rejects.get(1).path("value").asString()).isEqualTo("-1E-999999999");
		assertThat(rejects.get(2).path("message").asString()).contains("is 1E+999999999, a number whose digits");
		assertThat(rejects.get(3).path("message").asString()).contains("1E+999999999");
		assertThat(FidelityRuns.items("numbers", "id")).containsOnlyKeys("2")
			.extractingByKey("2")
			.satisfies((item) -> assertThat(item).containsEntry("n", AttributeValue.fromN("2.5")));
	}

	@Test
	void aDynamoDbJsonNumberThatIsNaN_isANumberThatIsNotFinite() throws Exception {
		SharedDynalite.deleteAllTables();
		Files.writeString(temp.resolve("export.json"), """
				{"Item": {"id": {"N": "1"}, "n": {"N": "NaN"}}}
				{"Item": {"id": {"N": "2"}, "n": {"N": "-Infinity"}}}
				{"Item": {"id": {"N": "3"}, "n": {"NS": ["1", "Infinity"]}}}
				{"Item": {"id": {"N": "4"}, "n": {"N": "4.0"}}}
				""");
		Path mapping = FidelityRuns.mapping(temp, "export", """
				name: export
				tables:
				  - { name: export, partitionKey: { name: id, type: N } }
				items:
				  - name: export
				    table: export
				    source: { file: export.json, format: ddb-json, key: [id] }
				    attributes:
				      id: "${id}"
				      n: "${n}"
				""");

		Run run = FidelityRuns.cli("run", mapping, temp.resolve("state"));

		assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
		List<JsonNode> rejects = FidelityRuns.rejects(temp.resolve("state"), "");
		assertThat(FidelityRuns.reasons(rejects, "line"))
			.isEqualTo(Map.of("1", "NUMBER_NOT_FINITE:", "2", "NUMBER_NOT_FINITE:", "3", "NUMBER_NOT_FINITE:"));
		assertThat(rejects.get(0).path("message").asString()).contains("Item.n is NaN, not a finite number");
		assertThat(FidelityRuns.items("export", "id")).containsOnlyKeys("4");
	}

}
