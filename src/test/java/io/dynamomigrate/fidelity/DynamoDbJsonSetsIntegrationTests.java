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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DynamoDB JSON sets are read as written (issue 12, defect 5): duplicates reach the
 * attribute's {@code onDuplicateElements} policy ({@code ["a", "a"]} and
 * {@code ["1", "1.0"]} are rejects under {@code reject}), and an empty set of an
 * attribute that is not listed is an empty set under the default policy (left out), never
 * the text {@code "[]"}.
 */
@Invariant(9)
class DynamoDbJsonSetsIntegrationTests {

	@TempDir
	Path temp;

	@Test
	void setsFollowTheSetPolicies_listedOrNot_andKeepTheirType() throws Exception {
		SharedDynalite.deleteAllTables();
		Files.writeString(temp.resolve("export.json"),
				"""
						{"Item": {"id": {"N": "1"}, "tags": {"SS": ["a", "a"]}}}
						{"Item": {"id": {"N": "2"}, "nums": {"NS": ["1", "1.0"]}}}
						{"Item": {"id": {"N": "3"}, "extra": {"SS": []}, "more": {"NS": ["2", "10"]}}}
						{"Item": {"id": {"N": "4"}, "tags": {"SS": ["b", "a"]}, "nums": {"NS": ["1.50"]}, "extra": {"BS": ["AAE="]}}}
						""");
		Path mapping = FidelityRuns.mapping(temp, "sets", """
				name: sets
				tables:
				  - { name: sets, partitionKey: { name: id, type: N } }
				items:
				  - name: sets
				    table: sets
				    source: { file: export.json, format: ddb-json, key: [id] }
				    unmappedColumns: attributes
				    attributes:
				      id: "${id}"
				      tags: { value: "${tags}", type: SS, onDuplicateElements: reject }
				      nums: { value: "${nums}", type: NS, onDuplicateElements: reject }
				""");

		Run run = FidelityRuns.cli("run", mapping, temp.resolve("state"));

		assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
		assertThat(FidelityRuns.reasons(FidelityRuns.rejects(temp.resolve("state"), ""), "line"))
			.isEqualTo(Map.of("1", "DUPLICATE_ELEMENTS:tags", "2", "DUPLICATE_ELEMENTS:nums"));
		Map<String, Map<String, AttributeValue>> items = FidelityRuns.items("sets", "id");
		assertThat(items).containsOnlyKeys("3", "4");
		assertThat(items.get("3")).doesNotContainKey("extra")
			.containsEntry("more", AttributeValue.fromNs(List.of("2", "10")));
		assertThat(items.get("4")).containsEntry("tags", AttributeValue.fromSs(List.of("b", "a")))
			.containsEntry("nums", AttributeValue.fromNs(List.of("1.5")))
			.containsEntry("extra", AttributeValue
				.fromBs(List.of(software.amazon.awssdk.core.SdkBytes.fromByteArray(new byte[] { 0, 1 }))));
	}

}
