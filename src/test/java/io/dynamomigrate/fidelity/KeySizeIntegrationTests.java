package io.dynamomigrate.fidelity;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
 * Key sizes (issue 12, defect 2): a partition key over 2,048 bytes or a sort key over
 * 1,024 bytes, of the table or of a global secondary index, counted in UTF-8 bytes, is
 * the reject of its row (KEY_TOO_LARGE), predicted by dry-run; keys of exactly the limit
 * are written. Before the check, DynamoDB refused the whole batch and the step failed.
 */
@Invariant(9)
class KeySizeIntegrationTests {

	private static final String SCHEMA = "dm_it_key_sizes";

	@TempDir
	static Path temp;

	private static final Map<String, String> EXPECTED = Map.of("2", "KEY_TOO_LARGE:pk", "3", "KEY_TOO_LARGE:pk", "4",
			"KEY_TOO_LARGE:sk", "6", "KEY_TOO_LARGE:gpk", "7", "KEY_TOO_LARGE:gsk");

	@BeforeAll
	static void createTable() throws Exception {
		Postgres.recreateSchema(SCHEMA);
		try (Connection c = Postgres.connect(SCHEMA); Statement s = c.createStatement()) {
			s.execute("CREATE TABLE keyed (id INT PRIMARY KEY, pk TEXT, sk TEXT, gpk TEXT, gsk TEXT)");
			s.execute("INSERT INTO keyed SELECT g, 'P' || g, 'S', 'G', 'H' FROM generate_series(1, 20) g");
			try (PreparedStatement update = c
				.prepareStatement("UPDATE keyed SET pk = ?, sk = ?, gpk = ?, gsk = ? " + "WHERE id = ?")) {
				row(update, 1, "p".repeat(2048), "s".repeat(1024), "g".repeat(2048), "h".repeat(1024)); // the
																										// limits
				row(update, 2, "p".repeat(2049), "S", "G", "H");
				row(update, 3, "€".repeat(683), "S", "G", "H"); // 683 characters, 2,049
																// UTF-8 bytes
				row(update, 4, "P4", "é".repeat(512) + "s", "G", "H"); // 513 characters,
																		// 1,025 bytes
				row(update, 5, "P5", "é".repeat(512), "😀".repeat(512), "H"); // 1,024 and
																				// 2,048
																				// bytes
				row(update, 6, "P6", "S", "g".repeat(2049), "H");
				row(update, 7, "P7", "S", "G", "😀".repeat(256) + "h");
			}
		}
	}

	private static void row(PreparedStatement update, int id, String pk, String sk, String gpk, String gsk)
			throws Exception {
		update.setString(1, pk);
		update.setString(2, sk);
		update.setString(3, gpk);
		update.setString(4, gsk);
		update.setInt(5, id);
		update.executeUpdate();
	}

	@AfterAll
	static void dropSchema() throws Exception {
		Postgres.dropSchema(SCHEMA);
	}

	@Test
	void keysOverDynamoDbsSizeLimits_areRejectedEach_andKeysAtTheLimitsAreWritten() throws Exception {
		SharedDynalite.deleteAllTables();
		Path mapping = FidelityRuns.mapping(temp, "keyed", """
				name: keyed
				source: { url: "%s", user: postgres }
				tables:
				  - name: keyed
				    partitionKey: { name: pk, type: S }
				    sortKey: { name: sk, type: S }
				    globalSecondaryIndexes:
				      - { name: byG, partitionKey: { name: gpk, type: S }, sortKey: { name: gsk, type: S } }
				items:
				  - name: keyed
				    table: keyed
				    source: { table: keyed, key: [id] }
				    attributes:
				      pk: "${pk}"
				      sk: "${sk}"
				      gpk: "${gpk}"
				      gsk: "${gsk}"
				      id: "${id}"
				""".formatted(Postgres.url(SCHEMA)));

		Run dryRun = FidelityRuns.cli("dry-run", mapping, temp.resolve("dry"));
		Run run = FidelityRuns.cli("run", mapping, temp.resolve("run"));

		assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
		assertThat(run.output()).containsPattern("total\\s+20\\s+15\\s+5\\s+0");
		assertThat(FidelityRuns.reasons(FidelityRuns.rejects(temp.resolve("run"), ""), "id")).isEqualTo(EXPECTED);
		assertThat(FidelityRuns.rejects(temp.resolve("run"), ""))
			.filteredOn((r) -> r.path("key").path("id").asInt() == 3)
			.singleElement()
			.satisfies((r) -> assertThat(r.path("message").asString()).contains("has 2049 bytes")
				.contains("at most 2048 bytes in a partition key"));
		Map<String, Map<String, AttributeValue>> items = FidelityRuns.items("keyed", "id");
		assertThat(items).hasSize(15).containsKeys("1", "5");
		assertThat(items.get("1").get("pk").s()).hasSize(2048);
		assertThat(items.get("5").get("gpk").s()).isEqualTo("😀".repeat(512));

		assertThat(dryRun.output()).contains("would reject 5 of 20 records");
		assertThat(FidelityRuns.reasons(FidelityRuns.rejects(temp.resolve("dry"), ""), "id")).isEqualTo(EXPECTED);
	}

}
