package io.dynamomigrate.source.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.mapping.model.AttributeType;
import io.dynamomigrate.testing.Postgres;
import io.dynamomigrate.transform.Values;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values read from real PostgreSQL and H2 columns, their inferred DynamoDB types from the
 * metadata, and the attributes they become: arrays, json/jsonb, timestamps with time
 * zone, exact numbers, bytea.
 */
class JdbcValuesIntegrationTests {

	private static final String SCHEMA = "dm_it_jdbc_values";

	@BeforeAll
	static void createSchema() throws Exception {
		Postgres.recreateSchema(SCHEMA);
	}

	@AfterAll
	static void dropSchema() throws Exception {
		Postgres.dropSchema(SCHEMA);
	}

	@Test
	void postgresColumns_becomeExactValuesWithMetadataTypes() throws Exception {
		try (Connection c = Postgres.connect(SCHEMA); Statement s = c.createStatement()) {
			Map<String, Object> row = row(s,
					"""
							SELECT CAST('{"a": 1.50, "b": [1, "x", null], "big": 12345678901234567890123456789012345678}' AS jsonb) AS doc,
							       CAST('[0.1, {"k": true}]' AS json) AS list,
							       ARRAY[3, 1, 3] AS ints, ARRAY['rock', 'pop'] AS texts, CAST(ARRAY[] AS text[]) AS empty,
							       CAST('2024-03-01 10:15:30.123456+05:30' AS timestamptz) AS zoned,
							       CAST('2024-03-01 10:15:30' AS timestamp) AS local,
							       CAST('12345678901234567890123456789012345678' AS numeric) AS exact,
							       CAST(0.1 AS numeric(3, 2)) AS tenth, DECODE('00ff', 'hex') AS bytes, true AS flag
							""");
			Map<String, AttributeType> types = types(s, "doc, list, ints, texts, zoned, local, exact, bytes, flag");

			assertThat(Values.attribute(row.get("doc"), Values.inferredType(row.get("doc"))))
				.isEqualTo(AttributeValue.fromM(Map.of("a", AttributeValue.fromN("1.5"), "b",
						AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromS("x"),
								AttributeValue.fromNul(true))),
						"big", AttributeValue.fromN("12345678901234567890123456789012345678"))));
			assertThat(Values.attribute(row.get("list"), Values.inferredType(row.get("list"))))
				.isEqualTo(AttributeValue.fromL(List.of(AttributeValue.fromN("0.1"),
						AttributeValue.fromM(Map.of("k", AttributeValue.fromBool(true))))));
			assertThat(row.get("ints")).isEqualTo(List.of(new BigDecimal(3), new BigDecimal(1), new BigDecimal(3)));
			assertThat(Values.attribute(row.get("ints"), AttributeType.NS))
				.isEqualTo(AttributeValue.fromNs(List.of("3", "1")));
			assertThat(Values.attribute(row.get("texts"), AttributeType.SS))
				.isEqualTo(AttributeValue.fromSs(List.of("rock", "pop")));
			assertThat(row.get("empty")).isEqualTo(List.of());
			assertThat(Values.text(row.get("zoned"))).isEqualTo("2024-03-01T04:45:30.123456Z");
			assertThat(Values.text(row.get("local"))).isEqualTo("2024-03-01T10:15:30.000Z");
			assertThat(Values.attribute(row.get("exact"), AttributeType.N))
				.isEqualTo(AttributeValue.fromN("12345678901234567890123456789012345678"));
			assertThat(Values.attribute(row.get("tenth"), AttributeType.N)).isEqualTo(AttributeValue.fromN("0.1"));
			assertThat(Values.attribute(row.get("bytes"), Values.inferredType(row.get("bytes"))))
				.isEqualTo(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] { 0, (byte) 0xff })));
			assertThat(types).containsExactly(Map.entry("doc", AttributeType.NULL),
					Map.entry("list", AttributeType.NULL), Map.entry("ints", AttributeType.L),
					Map.entry("texts", AttributeType.L), Map.entry("zoned", AttributeType.S),
					Map.entry("local", AttributeType.S), Map.entry("exact", AttributeType.N),
					Map.entry("bytes", AttributeType.B), Map.entry("flag", AttributeType.BOOL));
		}
	}

	@Test
	void typesInferredFromMetadataBeforeTheRun_areTheTypesOfTheValuesReadDuringIt() throws Exception {
		String sql = """
				SELECT CAST(1 AS smallint) AS a, 2 AS b, CAST(3 AS bigint) AS c, CAST(4.5 AS numeric(3, 1)) AS d,
				       CAST(5.5 AS real) AS e, CAST(6.5 AS double precision) AS f, true AS g, CAST('x' AS varchar) AS h,
				       CAST('y' AS text) AS i, CAST('z' AS char(1)) AS j, DECODE('01', 'hex') AS k, ARRAY[1] AS l,
				       ARRAY['t'] AS m, CAST('{"a":1}' AS jsonb) AS n, CAST('[1]' AS json) AS o, DATE '2024-03-01' AS p,
				       TIME '10:15:30' AS q, CAST('2024-03-01 10:15:30' AS timestamp) AS r, now() AS s,
				       CAST('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11' AS uuid) AS t""";
		try (Connection c = Postgres.connect(SCHEMA);
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery(sql)) {
			assertThat(rs.next()).isTrue();
			var meta = rs.getMetaData();
			Map<String, Object> row = JdbcValues.row(rs);
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				AttributeType inferred = ColumnTypes.inferred(meta.getColumnType(i), meta.getColumnTypeName(i),
						meta.getPrecision(i));
				Object value = row.get(meta.getColumnLabel(i));
				AttributeType read = Values.inferredType(value);
				if (inferred == null) {
					assertThat(read).as("json column %s", meta.getColumnLabel(i))
						.isIn(AttributeType.M, AttributeType.L);
				}
				else {
					assertThat(read).as("column %s (%s)", meta.getColumnLabel(i), meta.getColumnTypeName(i))
						.isEqualTo(inferred);
				}
			}
		}
	}

	@Test
	void h2ArraysAndJson_becomeListsAndMaps() throws Exception {
		try (Connection c = DriverManager.getConnection("jdbc:h2:mem:jdbc_values", "sa", "");
				Statement s = c.createStatement()) {
			Map<String, Object> row = row(s, """
					SELECT ARRAY[1, 2, 2] AS ints, ARRAY['a', NULL] AS texts,
					       JSON '{"n": 4.50, "l": [true]}' AS doc,
					       CAST('2024-03-01 10:15:30+02:00' AS TIMESTAMP WITH TIME ZONE) AS zoned
					""");

			assertThat(row.get("ints")).isEqualTo(List.of(new BigDecimal(1), new BigDecimal(2), new BigDecimal(2)));
			assertThat(row.get("texts")).isEqualTo(Arrays.asList("a", null));
			assertThat(Values.attribute(row.get("doc"), Values.inferredType(row.get("doc"))))
				.isEqualTo(AttributeValue.fromM(Map.of("n", AttributeValue.fromN("4.5"), "l",
						AttributeValue.fromL(List.of(AttributeValue.fromBool(true))))));
			assertThat(Values.text(row.get("zoned"))).isEqualTo("2024-03-01T08:15:30.000Z");
		}
	}

	private static Map<String, Object> row(Statement s, String sql) throws Exception {
		try (ResultSet rs = s.executeQuery(sql)) {
			assertThat(rs.next()).isTrue();
			Map<String, Object> row = new LinkedHashMap<>();
			JdbcValues.row(rs).forEach((column, value) -> row.put(column.toLowerCase(java.util.Locale.ROOT), value));
			return row;
		}
	}

	/** The metadata-inferred types; JSON columns (M or L by value) as NULL here. */
	private static Map<String, AttributeType> types(Statement s, String columns) throws Exception {
		try (ResultSet rs = s
			.executeQuery("SELECT * FROM (SELECT CAST('{}' AS jsonb) AS doc, CAST('[]' AS json) AS list, "
					+ "ARRAY[1] AS ints, ARRAY['a'] AS texts, now() AS zoned, CAST(now() AS timestamp) AS local, "
					+ "CAST(1 AS numeric) AS exact, DECODE('00', 'hex') AS bytes, true AS flag) q WHERE 1 = 0")) {
			Map<String, AttributeType> types = new LinkedHashMap<>();
			var meta = rs.getMetaData();
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				AttributeType type = ColumnTypes.inferred(meta.getColumnType(i), meta.getColumnTypeName(i),
						meta.getPrecision(i));
				types.put(meta.getColumnLabel(i), type == null ? AttributeType.NULL : type);
			}
			assertThat(String.join(", ", types.keySet())).isEqualTo(columns);
			return types;
		}
	}

}
