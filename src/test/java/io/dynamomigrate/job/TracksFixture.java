package io.dynamomigrate.job;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import io.dynamomigrate.testing.Postgres;
import io.dynamomigrate.testing.SharedDynalite;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live PostgreSQL source for incremental runs:
 * {@code tracks(id, title, plays, updated_at, deleted_at)} whose row {@code i} was last
 * written at {@link #BASE} + i seconds, a tombstone table
 * {@code track_tombstones(seq, id,
 * deleted_at)} for hard deletes, the incremental mapping into the table {@value #TABLE},
 * and the comparison of the target with what the source says now (rows not soft-deleted,
 * as items).
 */
final class TracksFixture {

	static final String TABLE = "incremental_tracks";

	/** When the initial rows were written (row i at BASE + i seconds). */
	static final String BASE = "2026-01-01 00:00:00";

	private TracksFixture() {
	}

	/** Creates the tables with rows 1..rows. */
	static void create(String schema, int rows) throws SQLException {
		try (Connection c = Postgres.connect(schema); Statement s = c.createStatement()) {
			s.execute("DROP TABLE IF EXISTS tracks");
			s.execute("DROP TABLE IF EXISTS track_tombstones");
			s.execute("CREATE TABLE tracks (id BIGINT PRIMARY KEY, title TEXT NOT NULL, plays INT NOT NULL, "
					+ "updated_at TIMESTAMP NOT NULL, deleted_at TIMESTAMP)");
			s.execute("CREATE TABLE track_tombstones (seq BIGSERIAL PRIMARY KEY, id BIGINT NOT NULL, "
					+ "deleted_at TIMESTAMP NOT NULL)");
			s.execute("INSERT INTO tracks SELECT g, 'track ' || g, g % 7, TIMESTAMP '" + BASE
					+ "' + g * INTERVAL '1 second', NULL FROM generate_series(1, " + rows + ") g");
		}
	}

	/** An empty target, a new job repository schema, and the source with rows 1..rows. */
	static void reset(String schema, String repository, int rows) throws SQLException {
		SharedDynalite.deleteAllTables();
		Postgres.recreateSchema(schema);
		Postgres.recreateSchema(repository);
		create(schema, rows);
	}

	/** Drops the source and repository schemas. */
	static void drop(String schema, String repository) throws SQLException {
		Postgres.dropSchema(schema);
		Postgres.dropSchema(repository);
	}

	/** Runs SQL statements on the source. */
	static void execute(String schema, String... statements) throws SQLException {
		try (Connection c = Postgres.connect(schema); Statement s = c.createStatement()) {
			for (String statement : statements) {
				s.execute(statement);
			}
		}
	}

	/** The incremental mapping of {@code tracks}, with soft deletes and tombstones. */
	static String mapping(String name, String schema, int chunkSize, String overlap) {
		return """
				name: %s
				source:
				  url: "%s"
				  user: postgres
				tables:
				  - name: %s
				    partitionKey: { name: pk, type: S }
				items:
				  - name: track
				    table: %s
				    source: { table: tracks, key: [id] }
				    chunkSize: %d
				    incremental: { column: updated_at, overlap: %s }
				    deletes:
				      when: { column: deleted_at, notNull: true }
				      tombstones: { table: track_tombstones, key: [seq], column: deleted_at }
				    attributes:
				      pk: "TRACK#${id}"
				      title: "${title}"
				      plays: { value: "${plays}", type: N }
				""".formatted(name, Postgres.url(schema), TABLE, TABLE, chunkSize, overlap);
	}

	/** The items the source's rows that are not soft-deleted must be, by key. */
	static Map<String, Map<String, AttributeValue>> expected(String schema) throws SQLException {
		Map<String, Map<String, AttributeValue>> items = new HashMap<>();
		try (Connection c = Postgres.connect(schema);
				Statement s = c.createStatement();
				ResultSet rows = s.executeQuery("SELECT id, title, plays FROM tracks WHERE deleted_at IS NULL")) {
			while (rows.next()) {
				String pk = "TRACK#" + rows.getLong(1);
				items.put(pk, Map.of("pk", AttributeValue.fromS(pk), "title", AttributeValue.fromS(rows.getString(2)),
						"plays", AttributeValue.fromN(Integer.toString(rows.getInt(3)))));
			}
		}
		return items;
	}

	/** Asserts that the target holds exactly the expected items. */
	static void assertTargetEquals(Map<String, Map<String, AttributeValue>> expected) {
		Map<String, Map<String, AttributeValue>> actual = new HashMap<>();
		try (DynamoDbClient client = SharedDynalite.client()) {
			client.scanPaginator((b) -> b.tableName(TABLE).consistentRead(true))
				.items()
				.forEach((item) -> actual.put(item.get("pk").s(), item));
		}
		assertThat(actual.keySet()).as("keys in the target").containsExactlyInAnyOrderElementsOf(expected.keySet());
		expected.forEach((pk, item) -> assertThat(actual.get(pk)).as(pk).isEqualTo(item));
	}

}
