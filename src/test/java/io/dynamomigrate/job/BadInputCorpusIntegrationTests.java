package io.dynamomigrate.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.dynamomigrate.job.EventsFixture.Run;
import io.dynamomigrate.testing.Invariant;
import io.dynamomigrate.testing.Postgres;
import io.dynamomigrate.testing.SharedDynalite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of bad rows in PostgreSQL, one kind per row (18 kinds), among 1,000 good rows:
 * every bad row must be rejected with its reason, attribute and position (table and key),
 * every good row written, nothing else, and the summary's counts must add up
 * ({@code read = written + rejected + filtered}).
 */
@Invariant(1)
class BadInputCorpusIntegrationTests {

	private static final String SCHEMA = "dm_it_corpus";

	private static final String REPOSITORY = "dm_it_corpus_repository";

	private static final int GOOD = 1_000;

	/** Row id -> the reason and attribute it must be rejected for. */
	private static final Map<Long, String> EXPECTED = new LinkedHashMap<>();

	/** JSON nested 40 levels deep (DynamoDB allows 32). */
	private static final String DEEP = "{\"a\": ".repeat(40) + "1" + "}".repeat(40);

	@TempDir
	static Path temp;

	@BeforeAll
	static void createCorpus() throws Exception {
		Postgres.recreateSchema(SCHEMA);
		Postgres.recreateSchema(REPOSITORY);
		try (Connection c = Postgres.connect(SCHEMA); Statement s = c.createStatement()) {
			s.execute("CREATE TABLE corpus (id BIGINT PRIMARY KEY, code TEXT, num TEXT, flag TEXT, b64 TEXT, "
					+ "note TEXT, tags TEXT, payload TEXT, big TEXT, created TEXT)");
			s.execute("CREATE TABLE corpus_parts (id BIGINT, part_no INT)");
			s.execute("INSERT INTO corpus SELECT g, 'C' || g, (g * 7)::text || '.25', 'true', 'AAEC', 'note ' || g, "
					+ "'x,y', '{\"n\": ' || g || '}', NULL, '2024-03-01' FROM generate_series(100, " + (99 + GOOD)
					+ ") g");
			s.execute("INSERT INTO corpus_parts SELECT g, 1 FROM generate_series(100, " + (99 + GOOD) + ") g");
		}
		bad(1, "NULL_KEY:pk", "code", null); // null key
		bad(2, "EMPTY_KEY:pk", "code", ""); // empty-string key
		bad(3, "INVALID_NUMBER:n", "num", "1".repeat(39)); // 39 significant digits
		bad(4, "NUMBER_NOT_FINITE:n", "num", "NaN");
		bad(5, "NUMBER_NOT_FINITE:n", "num", "Infinity");
		bad(6, "INVALID_NUMBER:n", "num", "12abc"); // wrong type for a declared N
		bad(7, "INVALID_NUMBER:n", "num", "1E+200"); // out of DynamoDB's range
		bad(8, "INVALID_NUMBER:n", "num", "1E-200"); // too small a magnitude
		bad(9, "INVALID_VALUE:flag", "flag", "maybe"); // wrong type for a declared BOOL
		bad(10, "INVALID_VALUE:bin", "b64", "***"); // not base64 for a declared B
		bad(11, "NULL_VALUE:note", "note", null); // onNull: reject
		bad(12, "DUPLICATE_ELEMENTS:tags", "tags", "a,b,a"); // duplicate set elements,
																// onDuplicateElements:
																// reject
		bad(13, "EMPTY_SET:tags", "tags", " "); // empty set, onEmptySet: reject
		bad(14, "NESTING_TOO_DEEP:payload", "payload", DEEP); // 40 levels of JSON
		bad(15, "ITEM_TOO_LARGE:", "big", "x".repeat(500 * 1024)); // a 500 KB row
		bad(16, "TOO_MANY_ELEMENTS:parts", null, null); // 3 embedded rows, maxElements: 2
		bad(19, "INVALID_VALUE:created", "created", "not-a-date"); // an unparsable date
		bad(17, "DUPLICATE_KEY:", "code", "SAME"); // a mapping-level collision: two rows,
													// one key, in one chunk
		bad(18, "DUPLICATE_KEY:", "code", "SAME");
		try (Connection c = Postgres.connect(SCHEMA); Statement s = c.createStatement()) {
			s.execute("INSERT INTO corpus_parts VALUES (16, 1), (16, 2), (16, 3)");
			for (long id : EXPECTED.keySet()) {
				if (id != 16) {
					s.execute("INSERT INTO corpus_parts VALUES (" + id + ", 1)");
				}
			}
		}
	}

	/** Inserts a good row with {@code id}, then sets one column to a bad value. */
	private static void bad(long id, String expected, String column, String value) throws Exception {
		EXPECTED.put(id, expected);
		try (Connection c = Postgres.connect(SCHEMA)) {
			try (Statement s = c.createStatement()) {
				s.execute("INSERT INTO corpus VALUES (" + id + ", 'B" + id + "', '1', 'true', 'AAEC', 'note', 'x,y', "
						+ "'{}', NULL, '2024-03-01')");
			}
			if (column != null) {
				try (PreparedStatement update = c
					.prepareStatement("UPDATE corpus SET " + column + " = ? WHERE id = ?")) {
					update.setString(1, value);
					update.setLong(2, id);
					update.executeUpdate();
				}
			}
		}
	}

	@AfterAll
	static void dropSchemas() throws Exception {
		Postgres.dropSchema(SCHEMA);
		Postgres.dropSchema(REPOSITORY);
	}

	@Test
	void everyBadRowIsRejectedWithItsReasonAndPosition_everyGoodRowIsWritten_andTheCountsAddUp() throws Exception {
		SharedDynalite.deleteAllTables();
		Path mapping = EventsFixture.write(temp.resolve("corpus.yml"), """
				name: corpus
				source: { url: "%s", user: postgres }
				tables:
				  - { name: corpus, partitionKey: { name: pk, type: S } }
				items:
				  - name: corpus
				    table: corpus
				    source: { table: corpus, key: [id] }
				    onDuplicateKey: reject
				    attributes:
				      pk: "${code}"
				      id: "${id}"
				      n: { value: "${num}", type: N }
				      flag: { value: "${flag}", type: BOOL }
				      bin: { value: "${b64}", type: B }
				      note: { value: "${note}", onNull: reject }
				      tags: { value: "${tags}", type: SS, split: ",", onDuplicateElements: reject, onEmptySet: reject }
				      payload: { value: "${payload}", type: M }
				      big: "${big}"
				      created: { value: "${created}", format: "yyyy-MM" }
				    embed:
				      - { name: parts, table: corpus_parts, parentColumns: [id], orderBy: [part_no], maxElements: 2,
				          attributes: { no: "${part_no}" } }
				""".formatted(Postgres.url(SCHEMA)));
		Run run = EventsFixture.cli("run", mapping.toString(), "--endpoint-url", SharedDynalite.endpoint().toString(),
				"--repository-url", Postgres.url(REPOSITORY), "--repository-user", Postgres.USER, "--state-dir",
				temp.resolve("state").toString());
		assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
		int bad = EXPECTED.size();
		assertThat(run.output()).containsPattern("total\\s+" + (GOOD + bad) + "\\s+" + GOOD + "\\s+" + bad + "\\s+0");

		Map<Long, String> rejected = new HashMap<>();
		JsonMapper json = JsonMapper.builder().build();
		try (Stream<Path> files = Files.list(temp.resolve("state/rejects"))) {
			for (Path file : files.toList()) {
				for (String line : Files.readAllLines(file)) {
					JsonNode reject = json.readTree(line);
					assertThat(reject.get("source").asString()).isEqualTo("corpus");
					assertThat(reject.get("step").asString()).isEqualTo("corpus");
					assertThat(reject.get("message").asString()).isNotBlank();
					String attribute = reject.get("attribute").isNull() ? "" : reject.get("attribute").asString();
					String previous = rejected.put(reject.get("key").get("id").asLong(),
							reject.get("reason").asString() + ":" + attribute);
					assertThat(previous).as("each row rejected once").isNull();
					if (reject.get("key").get("id").asLong() == 14) {
						assertThat(reject.get("value").asString()).as("a long value is truncated to 200 characters")
							.isEqualTo(DEEP.substring(0, 200) + "… (" + DEEP.length() + " characters)");
					}
					if (reject.get("key").get("id").asLong() == 3) {
						assertThat(reject.get("value").asString()).isEqualTo("1".repeat(39));
					}
				}
			}
		}
		assertThat(rejected).as("rejects by row id").isEqualTo(EXPECTED);

		List<String> written;
		try (DynamoDbClient client = SharedDynalite.client()) {
			written = client.scanPaginator((b) -> b.tableName("corpus"))
				.items()
				.stream()
				.map((item) -> item.get("id").n())
				.toList();
		}
		assertThat(written).hasSize(GOOD)
			.doesNotHaveDuplicates()
			.allMatch((id) -> Long.parseLong(id) >= 100 && Long.parseLong(id) < 100 + GOOD);
		try (DynamoDbClient client = SharedDynalite.client()) {
			var item = client.getItem((b) -> b.tableName("corpus").key(Map.of("pk", AttributeValue.fromS("C100"))))
				.item();
			assertThat(item).containsEntry("n", AttributeValue.fromN("700.25"))
				.containsEntry("flag", AttributeValue.fromBool(true))
				.containsEntry("tags", AttributeValue.fromSs(List.of("x", "y")))
				.containsEntry("created", AttributeValue.fromS("2024-03"))
				.containsEntry("payload", AttributeValue.fromM(Map.of("n", AttributeValue.fromN("100"))))
				.containsEntry("parts",
						AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("no", AttributeValue.fromN("1"))))))
				.doesNotContainKey("big");
		}
	}

}
