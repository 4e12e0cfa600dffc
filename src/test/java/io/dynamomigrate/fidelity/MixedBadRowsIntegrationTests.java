package io.dynamomigrate.fidelity;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
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
 * Issue 12, "done means" 2: a PostgreSQL table of 1,000 good rows and one row of each
 * kind that used to fail a step (NaN numeric, infinite float, infinity timestamp, JSON
 * the parser refuses, a partition key over 2,048 bytes). {@code run} completes with exit
 * 3, writes exactly the 1,000 and rejects each bad row once with its reason;
 * {@code dry-run} predicts the same rejects and {@code verify} finds the table identical
 * to what the rules say. (PostgreSQL refuses a lone surrogate in jsonb, and a column has
 * one type, so those kinds cannot be in a table.)
 */
@Invariant({ 1, 9 })
class MixedBadRowsIntegrationTests {

	private static final String SCHEMA = "dm_it_mixed_bad_rows";

	@TempDir
	static Path temp;

	private static final Map<String, String> EXPECTED = Map.of("1001", "NUMBER_NOT_FINITE:amount", "1002",
			"NUMBER_NOT_FINITE:ratio", "1003", "INVALID_VALUE:at", "1004", "INVALID_VALUE:doc", "1005",
			"KEY_TOO_LARGE:pk");

	@BeforeAll
	static void createTable() throws Exception {
		Postgres.recreateSchema(SCHEMA);
		try (Connection c = Postgres.connect(SCHEMA); Statement s = c.createStatement()) {
			s.execute("CREATE TABLE mixed (id INT PRIMARY KEY, pk TEXT, amount NUMERIC, ratio FLOAT8, at TIMESTAMP, "
					+ "doc JSONB)");
			s.execute("INSERT INTO mixed SELECT g, 'P' || g, g * 1.5, g / 4.0, TIMESTAMP '2024-03-01 10:15:30', "
					+ "'{\"a\": 1}' FROM generate_series(1, 1005) g");
			s.execute("UPDATE mixed SET amount = 'NaN' WHERE id = 1001");
			s.execute("UPDATE mixed SET ratio = 'Infinity' WHERE id = 1002");
			s.execute("UPDATE mixed SET at = 'infinity' WHERE id = 1003");
			s.execute("UPDATE mixed SET doc = CAST(repeat('[', 2000) || repeat(']', 2000) AS jsonb) WHERE id = 1004");
			s.execute("UPDATE mixed SET pk = repeat('p', 2049) WHERE id = 1005");
		}
	}

	@AfterAll
	static void dropSchema() throws Exception {
		Postgres.dropSchema(SCHEMA);
	}

	@Test
	void oneBadRowOfEachKind_isRejectedOnce_andTheThousandGoodRowsAreWritten() throws Exception {
		SharedDynalite.deleteAllTables();
		Path mapping = FidelityRuns.mapping(temp, "mixed", """
				name: mixed
				source: { url: "%s", user: postgres }
				tables:
				  - { name: mixed, partitionKey: { name: pk, type: S } }
				items:
				  - name: mixed
				    table: mixed
				    source: { table: mixed, key: [id] }
				    unmappedColumns: attributes
				    attributes:
				      pk: "${pk}"
				""".formatted(Postgres.url(SCHEMA)));

		Run dryRun = FidelityRuns.cli("dry-run", mapping, temp.resolve("dry"));
		Run run = FidelityRuns.cli("run", mapping, temp.resolve("run"));
		Run verify = FidelityRuns.cli("verify", mapping, temp.resolve("verify"), "--scan");

		assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
		assertThat(run.output()).containsPattern("total\\s+1005\\s+1000\\s+5\\s+0");
		assertThat(FidelityRuns.reasons(FidelityRuns.rejects(temp.resolve("run"), ""), "id")).isEqualTo(EXPECTED);
		Map<String, Map<String, AttributeValue>> items = FidelityRuns.items("mixed", "pk");
		assertThat(items).hasSize(1000);
		for (int id = 1; id <= 1000; id++) {
			assertThat(items.get("P" + id)).as("item %d", id)
				.containsEntry("id", AttributeValue.fromN(Integer.toString(id)))
				.containsEntry("at", AttributeValue.fromS("2024-03-01T10:15:30.000Z"))
				.containsEntry("doc", AttributeValue.fromM(Map.of("a", AttributeValue.fromN("1"))));
		}
		assertThat(items.get("P2")).containsEntry("amount", AttributeValue.fromN("3"))
			.containsEntry("ratio", AttributeValue.fromN("0.5"));

		assertThat(dryRun.output()).contains("would reject 5 of 1005 records");
		assertThat(FidelityRuns.reasons(FidelityRuns.rejects(temp.resolve("dry"), ""), "id")).isEqualTo(EXPECTED);
		assertThat(verify.exitCode()).as(verify.output()).isZero();
		assertThat(verify.output()).contains("Identical").contains("Rejected: 5 source records");
		assertThat(FidelityRuns.reasons(FidelityRuns.rejects(temp.resolve("verify"), ""), "id")).isEqualTo(EXPECTED);
	}

}
