package io.dynamomigrate.fidelity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.fidelity.FidelityRuns.Run;
import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.testing.Invariant;
import io.dynamomigrate.testing.Postgres;
import io.dynamomigrate.testing.SharedDynalite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON null is a value (issue 12, defect 3): a jsonb {@code null}, whole or nested, a
 * JSON Lines field {@code null} and a DynamoDB JSON {@code {"NULL": true}} are written as
 * the DynamoDB NULL value, while SQL NULL and a missing field follow the null policy
 * (here {@code omit}); {@code {"NULL": false}} is not DynamoDB JSON and is rejected.
 */
@Invariant(9)
class JsonNullIntegrationTests {

	private static final String SCHEMA = "dm_it_json_null";

	private static final AttributeValue NULL = AttributeValue.fromNul(true);

	@TempDir
	static Path temp;

	@BeforeAll
	static void createTable() throws Exception {
		Postgres.recreateSchema(SCHEMA);
		try (Connection c = Postgres.connect(SCHEMA); Statement s = c.createStatement()) {
			s.execute("CREATE TABLE docs (id INT PRIMARY KEY, doc JSONB)");
			s.execute("INSERT INTO docs VALUES (1, 'null'), (2, '{\"a\": null, \"b\": [null]}'), (3, NULL)");
		}
	}

	@AfterAll
	static void dropSchema() throws Exception {
		Postgres.dropSchema(SCHEMA);
	}

	@Test
	void jsonbNull_isTheNullValue_andSqlNullFollowsTheNullPolicy() throws Exception {
		SharedDynalite.deleteAllTables();
		Path mapping = FidelityRuns.mapping(temp, "docs", """
				name: docs
				source: { url: "%s", user: postgres }
				tables:
				  - { name: docs, partitionKey: { name: id, type: N } }
				items:
				  - name: docs
				    table: docs
				    source: { table: docs, key: [id] }
				    attributes:
				      id: "${id}"
				      doc: "${doc}"
				""".formatted(Postgres.url(SCHEMA)));

		Run run = FidelityRuns.cli("run", mapping, temp.resolve("pg"));

		assertThat(run.exitCode()).as(run.output()).isZero();
		Map<String, Map<String, AttributeValue>> items = FidelityRuns.items("docs", "id");
		assertThat(items.get("1")).containsEntry("doc", NULL);
		assertThat(items.get("2")).containsEntry("doc",
				AttributeValue.fromM(Map.of("a", NULL, "b", AttributeValue.fromL(List.of(NULL)))));
		assertThat(items.get("3")).doesNotContainKey("doc");
	}

	@Test
	void jsonLinesNull_isTheNullValue_aMissingFieldFollowsTheNullPolicy() throws Exception {
		SharedDynalite.deleteAllTables();
		Files.writeString(temp.resolve("docs.jsonl"), """
				{"id": 1, "x": null, "y": null, "doc": {"a": null}}
				{"id": 2}
				""");
		Path mapping = FidelityRuns.mapping(temp, "lines", """
				name: lines
				tables:
				  - { name: lines, partitionKey: { name: id, type: N } }
				items:
				  - name: lines
				    table: lines
				    source: { file: docs.jsonl, key: [id] }
				    unmappedColumns: attributes
				    attributes:
				      id: "${id}"
				      typed: { value: "${x}", type: S }
				""");

		Run run = FidelityRuns.cli("run", mapping, temp.resolve("jsonl"));

		assertThat(run.exitCode()).as(run.output()).isZero();
		Map<String, Map<String, AttributeValue>> items = FidelityRuns.items("lines", "id");
		assertThat(items.get("1")).containsEntry("typed", NULL)
			.containsEntry("y", NULL)
			.containsEntry("doc", AttributeValue.fromM(Map.of("a", NULL)));
		assertThat(items.get("2")).containsOnlyKeys("id");
	}

	@Test
	void dynamoDbJsonNull_isTheNullValue_andNullFalseIsRejected() throws Exception {
		SharedDynalite.deleteAllTables();
		Files.writeString(temp.resolve("export.json"), """
				{"Item": {"id": {"N": "1"}, "x": {"NULL": true}, "m": {"M": {"a": {"NULL": true}}}}}
				{"Item": {"id": {"N": "2"}, "x": {"NULL": false}}}
				""");
		Path mapping = FidelityRuns.mapping(temp, "export", """
				name: export
				tables:
				  - { name: export, partitionKey: { name: id, type: N } }
				items:
				  - name: export
				    table: export
				    source: { file: export.json, format: ddb-json, key: [id] }
				    unmappedColumns: attributes
				    attributes:
				      id: "${id}"
				""");

		Run run = FidelityRuns.cli("run", mapping, temp.resolve("ddb"));

		assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
		assertThat(FidelityRuns.items("export", "id")).containsOnlyKeys("1")
			.extractingByKey("1")
			.satisfies((item) -> assertThat(item).containsEntry("x", NULL)
				.containsEntry("m", AttributeValue.fromM(Map.of("a", NULL))));
		assertThat(FidelityRuns.reasons(FidelityRuns.rejects(temp.resolve("ddb"), ""), "line"))
			.isEqualTo(Map.of("2", "MALFORMED_JSON:"));
		assertThat(FidelityRuns.rejects(temp.resolve("ddb"), "").get(0).path("message").asString())
			.contains("Item.x.NULL is false");
	}

}
