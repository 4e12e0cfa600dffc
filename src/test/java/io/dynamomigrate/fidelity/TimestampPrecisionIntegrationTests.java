package io.dynamomigrate.fidelity;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import io.dynamomigrate.fidelity.FidelityRuns.Run;
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
 * Timestamps keep the source's precision (issue 12, defect 6): PostgreSQL microseconds
 * are written, not cut to milliseconds; a midnight {@code time} is written with seconds;
 * a timestamp without zone is written in UTC with {@code Z} by default, and without a
 * zone when the attribute's {@code format} says so.
 */
@Invariant(9)
class TimestampPrecisionIntegrationTests {

	private static final String SCHEMA = "dm_it_timestamps";

	@TempDir
	static Path temp;

	@BeforeAll
	static void createTable() throws Exception {
		Postgres.recreateSchema(SCHEMA);
		try (Connection c = Postgres.connect(SCHEMA); Statement s = c.createStatement()) {
			s.execute("CREATE TABLE times (id INT PRIMARY KEY, at TIMESTAMP, zoned TIMESTAMPTZ, t TIME)");
			s.execute("INSERT INTO times VALUES (1, '2024-03-01 23:59:59.999999', '2024-03-01 10:15:30.123456+02', "
					+ "'00:00'), (2, '2024-03-01 10:15:30.5', '2024-03-01 10:15:30+00', '10:15:30.25'), "
					+ "(3, '2024-03-01 10:15:30', '2024-03-01 10:15:30.000001+00', '23:59:59.999999')");
		}
	}

	@AfterAll
	static void dropSchema() throws Exception {
		Postgres.dropSchema(SCHEMA);
	}

	@Test
	void microsecondsAreKept_midnightHasSeconds_andTheZoneOfLocalTimestampsIsSelectable() throws Exception {
		SharedDynalite.deleteAllTables();
		Path mapping = FidelityRuns.mapping(temp, "times", """
				name: times
				source: { url: "%s", user: postgres }
				tables:
				  - { name: times, partitionKey: { name: id, type: N } }
				items:
				  - name: times
				    table: times
				    source: { table: times, key: [id] }
				    attributes:
				      id: "${id}"
				      at: "${at}"
				      zoned: "${zoned}"
				      t: "${t}"
				      local: { value: "${at}", format: "uuuu-MM-dd'T'HH:mm:ss.SSSSSS" }
				      key: "AT#${at}"
				""".formatted(Postgres.url(SCHEMA)));

		Run run = FidelityRuns.cli("run", mapping, temp.resolve("state"));

		assertThat(run.exitCode()).as(run.output()).isZero();
		Map<String, Map<String, AttributeValue>> items = FidelityRuns.items("times", "id");
		assertThat(items.get("1")).containsEntry("at", AttributeValue.fromS("2024-03-01T23:59:59.999999Z"))
			.containsEntry("zoned", AttributeValue.fromS("2024-03-01T08:15:30.123456Z"))
			.containsEntry("t", AttributeValue.fromS("00:00:00"))
			.containsEntry("local", AttributeValue.fromS("2024-03-01T23:59:59.999999"))
			.containsEntry("key", AttributeValue.fromS("AT#2024-03-01T23:59:59.999999Z"));
		assertThat(items.get("2")).containsEntry("at", AttributeValue.fromS("2024-03-01T10:15:30.500Z"))
			.containsEntry("zoned", AttributeValue.fromS("2024-03-01T10:15:30.000Z"))
			.containsEntry("t", AttributeValue.fromS("10:15:30.250"));
		assertThat(items.get("3")).containsEntry("at", AttributeValue.fromS("2024-03-01T10:15:30.000Z"))
			.containsEntry("zoned", AttributeValue.fromS("2024-03-01T10:15:30.000001Z"))
			.containsEntry("t", AttributeValue.fromS("23:59:59.999999"))
			.containsEntry("local", AttributeValue.fromS("2024-03-01T10:15:30.000000"));
	}

}
