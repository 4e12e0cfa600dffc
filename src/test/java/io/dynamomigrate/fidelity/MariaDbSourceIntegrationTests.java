package io.dynamomigrate.fidelity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.fidelity.FidelityRuns.Run;
import io.dynamomigrate.testing.Invariant;
import io.dynamomigrate.testing.MariaDb;
import io.dynamomigrate.testing.SharedDynalite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MySQL and MariaDB as sources (issue 15), against the real MariaDB server on
 * 127.0.0.1:3306, through MariaDB Connector/J ({@code jdbc:mariadb:}) and MySQL
 * Connector/J ({@code jdbc:mysql:}). Every value is written exactly or rejected with a
 * reason (DESIGN.md invariants 6 and 9): 4-byte UTF-8 text; DECIMAL(38,10) and BIGINT
 * UNSIGNED as exact numbers and a DECIMAL(65) of 49 digits as a reject; DATETIME(6) with
 * its microseconds; a TIMESTAMP as its instant in UTC whatever the server's time zone;
 * {@code YEAR} as a number (the drivers read it as a date); a {@code BIT(8)} bit field as
 * its number (not a boolean); {@code TIME} values outside a day as the server's text (the
 * drivers wrap them into a day); JSON columns as maps; zero dates ({@code 0000-00-00}) as
 * rejects, never as nulls. Key-range partitions, {@code verify} and the read-only
 * connection (invariant 10) work as they do on PostgreSQL.
 */
class MariaDbSourceIntegrationTests {

	private static final String DATABASE = "dm_it_mariadb";

	@TempDir
	static Path temp;

	@BeforeAll
	static void createTables() throws Exception {
		MariaDb.recreateDatabase(DATABASE);
		try (Connection c = MariaDb.connect(DATABASE); Statement s = c.createStatement()) {
			s.execute("SET SESSION sql_mode = ''"); // zero dates allowed, as old MySQL
													// schemas have them
			s.execute("SET SESSION time_zone = '+05:30'"); // TIMESTAMP text below is in
															// this zone
			s.execute("""
					CREATE TABLE vals (id BIGINT PRIMARY KEY, name VARCHAR(50), price DECIMAL(38,10), at DATETIME(6),
					  ts TIMESTAMP(6) NULL, d DATE, tm TIME, flag TINYINT(1), bits BIT(8), doc JSON,
					  tags SET('a','b','c'), kind ENUM('x','y'), raw VARBINARY(10), dbl DOUBLE, yr YEAR,
					  u INT UNSIGNED, ub BIGINT UNSIGNED, huge DECIMAL(65,0))""");
			s.execute("""
					INSERT INTO vals VALUES
					(1, 'Ölçü 🎵', 12345678901234567890.1234567890, '2024-03-01 23:59:59.999999',
					 '2024-03-01 15:45:30.123456', '2024-03-01', '838:59:59', 1, b'10100101',
					 '{"a": 1.50, "b": [1, null], "big": 12345678901234567890123456789012345678}', 'a,c', 'y', 0x00ff,
					 0.1, 2024, 4294967295, 18446744073709551615, 1),
					(2, 'zero datetime', NULL, '0000-00-00 00:00:00', NULL, NULL, NULL, 0, NULL, NULL, '', NULL, NULL,
					 NULL, NULL, NULL, NULL, NULL),
					(3, 'zero date', NULL, NULL, NULL, '0000-00-00', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
					 NULL, NULL, NULL, NULL),
					(4, 'negative time', NULL, NULL, NULL, NULL, '-01:00:00', NULL, NULL, NULL, NULL, NULL, NULL,
					 NULL, NULL, NULL, NULL, NULL),
					(5, 'too many digits', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
					 NULL, NULL, NULL, 12345678901234567890123456789012345678901234567890)""");
			s.execute("CREATE TABLE plays (id INT PRIMARY KEY, track VARCHAR(20), ms INT)");
			s.execute("INSERT INTO plays SELECT seq, CONCAT('track ', seq MOD 97), seq * 7 FROM seq_1_to_5000");
			s.execute("CREATE TABLE side_effects (at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)");
			s.execute("""
					CREATE FUNCTION note_read() RETURNS INT NOT DETERMINISTIC MODIFIES SQL DATA
					BEGIN
					  INSERT INTO side_effects VALUES (DEFAULT);
					  RETURN 1;
					END""");
		}
	}

	@AfterAll
	static void dropDatabase() throws Exception {
		MariaDb.dropDatabase(DATABASE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "mariadb", "mysql" })
	@Invariant({ 6, 9 })
	void everyValueIsWrittenExactly_orRejectedWithItsReason(String driver) throws Exception {
		SharedDynalite.deleteAllTables();
		Path state = temp.resolve("state-" + driver);
		Path mapping = FidelityRuns.mapping(temp, "vals-" + driver, """
				name: vals
				source: { url: "%s", user: root }
				tables:
				  - { name: vals, partitionKey: { name: id, type: N } }
				items:
				  - name: vals
				    table: vals
				    source: { table: vals, key: [id] }
				    attributes:
				      id: "${id}"
				      name: "${name}"
				      price: "${price}"
				      at: "${at}"
				      ts: "${ts}"
				      d: "${d}"
				      tm: "${tm}"
				      flag: "${flag}"
				      bits: "${bits}"
				      doc: "${doc}"
				      tags: "${tags}"
				      kind: "${kind}"
				      raw: "${raw}"
				      dbl: "${dbl}"
				      yr: "${yr}"
				      u: "${u}"
				      ub: "${ub}"
				      huge: "${huge}"
				""".formatted(url(driver)));

		Run run = FidelityRuns.cli("run", mapping, state);

		assertThat(run.exitCode()).as(run.output()).isEqualTo(3); // completed with
																	// rejects
		Map<String, Map<String, AttributeValue>> items = FidelityRuns.items("vals", "id");
		assertThat(items).containsOnlyKeys("1", "4");
		Map<String, AttributeValue> first = items.get("1");
		assertThat(first).containsEntry("name", AttributeValue.fromS("Ölçü 🎵"))
			.containsEntry("price", AttributeValue.fromN("12345678901234567890.123456789"))
			.containsEntry("at", AttributeValue.fromS("2024-03-01T23:59:59.999999Z"))
			.containsEntry("ts", AttributeValue.fromS("2024-03-01T10:15:30.123456Z"))
			.containsEntry("d", AttributeValue.fromS("2024-03-01"))
			.containsEntry("tm", AttributeValue.fromS("838:59:59"))
			.containsEntry("flag", AttributeValue.fromBool(true))
			.containsEntry("bits", AttributeValue.fromN("165"))
			.containsEntry("tags", AttributeValue.fromS("a,c"))
			.containsEntry("kind", AttributeValue.fromS("y"))
			.containsEntry("raw", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] { 0, (byte) 0xff })))
			.containsEntry("dbl", AttributeValue.fromN("0.1"))
			.containsEntry("yr", AttributeValue.fromN("2024"))
			.containsEntry("u", AttributeValue.fromN("4294967295"))
			.containsEntry("ub", AttributeValue.fromN("18446744073709551615"))
			.containsEntry("huge", AttributeValue.fromN("1"));
		if (driver.equals("mariadb")) { // MariaDB's JSON is LONGTEXT; only MariaDB's
										// driver says it is JSON
			assertThat(first).containsEntry("doc",
					AttributeValue.fromM(Map.of("a", AttributeValue.fromN("1.5"), "b",
							AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromNul(true))),
							"big", AttributeValue.fromN("12345678901234567890123456789012345678"))));
		}
		else {
			assertThat(first.get("doc").s()).startsWith("{\"a\": 1.50");
		}
		assertThat(items.get("4")).containsEntry("tm", AttributeValue.fromS("-01:00:00"));
		Map<String, String> reasons = FidelityRuns.reasons(FidelityRuns.rejects(state, "vals"), "id");
		assertThat(reasons).containsOnly(Map.entry("2", "INVALID_VALUE:at"), Map.entry("3", "INVALID_VALUE:d"),
				Map.entry("5", "INVALID_NUMBER:huge"));
		assertThat(FidelityRuns.rejects(state, "vals").get(0).path("message").asString())
			.contains("0000-00-00 00:00:00", "MySQL zero date", "NULLIF");
	}

	@ParameterizedTest
	@ValueSource(strings = { "mariadb", "mysql" })
	@Invariant(10)
	void partitionedRun_isVerified_andNeverWritesToTheSource(String driver) throws Exception {
		SharedDynalite.deleteAllTables();
		Path state = temp.resolve("state-plays-" + driver);
		Path mapping = FidelityRuns.mapping(temp, "plays-" + driver, """
				name: plays
				source: { url: "%s", user: root }
				tables:
				  - { name: plays, partitionKey: { name: pk, type: S } }
				items:
				  - name: plays
				    table: plays
				    source: { table: plays, key: [id], where: "note_read() = 1" }
				    partitions: 4
				    attributes:
				      pk: "PLAY#${id}"
				      track: "${track}"
				      ms: "${ms}"
				""".formatted(url(driver)));

		Run run = FidelityRuns.cli("run", mapping, state);

		assertThat(run.exitCode()).as(run.output()).isNotZero();
		assertThat(run.output()).contains("READ ONLY transaction");
		assertThat(sideEffects()).isZero();

		Path plain = FidelityRuns.mapping(temp, "plays-plain-" + driver,
				Files.readString(mapping).replace(", where: \"note_read() = 1\"", ""));
		Run written = FidelityRuns.cli("run", plain, state);
		assertThat(written.exitCode()).as(written.output()).isZero();
		assertThat(written.output()).contains("5000");
		assertThat(FidelityRuns.items("plays", "pk")).hasSize(5000)
			.containsEntry("PLAY#4999", Map.of("pk", AttributeValue.fromS("PLAY#4999"), "track",
					AttributeValue.fromS("track 52"), "ms", AttributeValue.fromN("34993")));
		Run verified = FidelityRuns.cli("verify", plain, state);
		assertThat(verified.exitCode()).as(verified.output()).isZero();
	}

	private static String url(String driver) {
		return driver.equals("mariadb") ? MariaDb.url(DATABASE) : MariaDb.mysqlUrl(DATABASE);
	}

	private static int sideEffects() throws Exception {
		try (Connection c = MariaDb.connect(DATABASE);
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM side_effects")) {
			rs.next();
			return rs.getInt(1);
		}
	}

}
