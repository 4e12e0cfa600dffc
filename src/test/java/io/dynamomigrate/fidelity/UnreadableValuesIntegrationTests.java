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
 * Column values that PostgreSQL holds but that have no exact Java value (issue 12, defect
 * 1): NaN and infinities in numeric and float columns and arrays, infinity dates and
 * timestamps, JSON deeper than the parser allows. Each is the reject of its row, with its
 * reason, in {@code run}, {@code dry-run} and {@code verify}; the other rows are written;
 * a bad value in a column the item does not read rejects nothing.
 */
@Invariant(9)
class UnreadableValuesIntegrationTests {

	private static final String SCHEMA = "dm_it_unreadable";

	@TempDir
	static Path temp;

	@BeforeAll
	static void createTable() throws Exception {
		Postgres.recreateSchema(SCHEMA);
		try (Connection c = Postgres.connect(SCHEMA); Statement s = c.createStatement()) {
			s.execute("CREATE TABLE odd (id INT PRIMARY KEY, amount NUMERIC, ratio FLOAT8, score REAL, "
					+ "amounts NUMERIC[], ratios FLOAT8[], at TIMESTAMP, zoned TIMESTAMPTZ, day DATE, doc JSONB, "
					+ "unused NUMERIC)");
			s.execute("INSERT INTO odd SELECT g, g * 1.5, g / 4.0, g, ARRAY[g, 2], ARRAY[0.5, g], "
					+ "TIMESTAMP '2024-03-01 10:15:30', TIMESTAMPTZ '2024-03-01 10:15:30+00', DATE '2024-03-01', "
					+ "'{\"a\": 1}', 'NaN' FROM generate_series(1, 20) g");
			s.execute("UPDATE odd SET amount = 'NaN' WHERE id = 2");
			s.execute("UPDATE odd SET amount = 'Infinity' WHERE id = 3");
			s.execute("UPDATE odd SET ratio = '-Infinity' WHERE id = 4");
			s.execute("UPDATE odd SET score = 'NaN' WHERE id = 5");
			s.execute("UPDATE odd SET amounts = ARRAY[1, 'NaN'::numeric] WHERE id = 6");
			s.execute("UPDATE odd SET ratios = ARRAY['Infinity'::float8] WHERE id = 7");
			s.execute("UPDATE odd SET at = 'infinity' WHERE id = 8");
			s.execute("UPDATE odd SET zoned = '-infinity' WHERE id = 9");
			s.execute("UPDATE odd SET day = 'infinity' WHERE id = 10");
			s.execute("UPDATE odd SET doc = CAST(repeat('[', 2000) || repeat(']', 2000) AS jsonb) WHERE id = 11");
		}
	}

	@AfterAll
	static void dropSchema() throws Exception {
		Postgres.dropSchema(SCHEMA);
	}

	private static final Map<String, String> EXPECTED = Map.of("2", "NUMBER_NOT_FINITE:amount", "3",
			"NUMBER_NOT_FINITE:amount", "4", "NUMBER_NOT_FINITE:ratio", "5", "NUMBER_NOT_FINITE:score", "6",
			"NUMBER_NOT_FINITE:amounts", "7", "NUMBER_NOT_FINITE:ratios", "8", "INVALID_VALUE:at", "9",
			"INVALID_VALUE:zoned", "10", "INVALID_VALUE:day", "11", "INVALID_VALUE:doc");

	@Test
	void nanInfinityAndUnparsableValues_rejectTheirRow_inRunDryRunAndVerify() throws Exception {
		SharedDynalite.deleteAllTables();
		Path mapping = FidelityRuns.mapping(temp, "odd", """
				name: odd
				source: { url: "%s", user: postgres }
				tables:
				  - { name: odd, partitionKey: { name: id, type: N } }
				items:
				  - name: odd
				    table: odd
				    source: { table: odd, key: [id] }
				    chunkSize: 5
				    attributes:
				      id: "${id}"
				      amount: "${amount}"
				      ratio: "${ratio}"
				      score: "${score}"
				      amounts: { value: "${amounts}", type: NS }
				      ratios: "${ratios}"
				      at: "${at}"
				      zoned: "${zoned}"
				      day: "${day}"
				      doc: "${doc}"
				""".formatted(Postgres.url(SCHEMA)));

		Run dryRun = FidelityRuns.cli("dry-run", mapping, temp.resolve("dry"));
		Run run = FidelityRuns.cli("run", mapping, temp.resolve("run"));
		Run verify = FidelityRuns.cli("verify", mapping, temp.resolve("verify"), "--scan");

		assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
		assertThat(run.output()).containsPattern("total\\s+20\\s+10\\s+10\\s+0");
		assertThat(FidelityRuns.reasons(FidelityRuns.rejects(temp.resolve("run"), ""), "id")).isEqualTo(EXPECTED);
		assertThat(FidelityRuns.rejects(temp.resolve("run"), ""))
			.filteredOn((r) -> r.path("key").path("id").asInt() == 2)
			.singleElement()
			.satisfies((r) -> {
				assertThat(r.path("value").asString()).isEqualTo("NaN");
				assertThat(r.path("message").asString()).contains("the column amount is NaN, not a finite number");
			});
		assertThat(FidelityRuns.rejects(temp.resolve("run"), ""))
			.filteredOn((r) -> r.path("key").path("id").asInt() == 8)
			.singleElement()
			.satisfies((r) -> assertThat(r.path("value").asString()).isEqualTo("infinity"));

		Map<String, Map<String, AttributeValue>> items = FidelityRuns.items("odd", "id");
		assertThat(items.keySet()).containsExactlyInAnyOrder("1", "12", "13", "14", "15", "16", "17", "18", "19", "20");
		assertThat(items.get("1")).containsEntry("amount", AttributeValue.fromN("1.5"))
			.containsEntry("ratio", AttributeValue.fromN("0.25"))
			.doesNotContainKey("unused");

		assertThat(dryRun.exitCode()).as("ready with warnings: " + dryRun.output()).isEqualTo(5);
		assertThat(dryRun.output()).contains("would reject 10 of 20 records");
		assertThat(FidelityRuns.reasons(FidelityRuns.rejects(temp.resolve("dry"), ""), "id")).isEqualTo(EXPECTED);
		assertThat(verify.exitCode()).as(verify.output()).isZero();
		assertThat(verify.output()).contains("Identical").contains("Rejected: 10 source records");
		assertThat(FidelityRuns.reasons(FidelityRuns.rejects(temp.resolve("verify"), ""), "id")).isEqualTo(EXPECTED);
	}

}
