package io.dynamomigrate.fidelity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.dynamomigrate.fidelity.FidelityRuns.Run;
import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.testing.Invariant;
import io.dynamomigrate.testing.SharedDynalite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Escaped lone surrogates in JSON text (issue 12, defect 4): {@code "\ud800"} has no
 * UTF-8 form, so the record is an INVALID_ENCODING reject, as raw invalid bytes are, in
 * JSON Lines and JSON array files, in values, nested text and field names; an escaped
 * surrogate pair is one character and is written.
 */
@Invariant(9)
class LoneSurrogatesIntegrationTests {

	@TempDir
	Path temp;

	@Test
	void loneSurrogates_areInvalidEncodingRejects_andPairsAreWritten() throws Exception {
		SharedDynalite.deleteAllTables();
		Files.writeString(temp.resolve("a.jsonl"), """
				{"id": 1, "t": "x\\ud800y"}
				{"id": 2, "t": "\\ud83d\\ude00"}
				{"id": 3, "t": "ok", "doc": {"\\udc00": 1}}
				""");
		Files.writeString(temp.resolve("b.json"), """
				[{"id": 4, "t": "ok", "doc": ["\\ude00"]},
				 {"id": 5, "t": "\\uD83C\\uDFB8"}]
				""");
		Path mapping = FidelityRuns.mapping(temp, "texts", """
				name: texts
				tables:
				  - { name: texts, partitionKey: { name: id, type: N } }
				items:
				  - { name: lines, table: texts, source: { file: a.jsonl, key: [id] }, unmappedColumns: attributes,
				      attributes: { id: "${id}" } }
				  - { name: array, table: texts, source: { file: b.json, key: [id] }, unmappedColumns: attributes,
				      attributes: { id: "${id}" } }
				""");

		Run run = FidelityRuns.cli("run", mapping, temp.resolve("state"));

		assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
		assertThat(FidelityRuns.rejects(temp.resolve("state"), ""))
			.extracting((r) -> r.path("key").path("line").asInt() + " " + r.path("reason").asString())
			.containsExactlyInAnyOrder("1 INVALID_ENCODING", "3 INVALID_ENCODING", "1 INVALID_ENCODING");
		Map<String, Map<String, AttributeValue>> items = FidelityRuns.items("texts", "id");
		assertThat(items).containsOnlyKeys("2", "5");
		assertThat(items.get("2")).containsEntry("t", AttributeValue.fromS("😀"));
		assertThat(items.get("5")).containsEntry("t", AttributeValue.fromS("🎸"));
	}

}
