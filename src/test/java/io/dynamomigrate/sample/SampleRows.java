package io.dynamomigrate.sample;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads rows as database-independent strings, so that PostgreSQL and H2 results compare
 * equal: binaries as hex, decimals as plain strings, temporals in ISO form, booleans as
 * true/false.
 */
final class SampleRows {

	static final String NULL = "<null>";

	/** Every sample table and the order that makes its rows comparable. */
	static final Map<String, String> TABLES = Map.of("artists", "artist_id", "albums", "album_id", "tracks", "track_id",
			"users", "user_id", "playlists", "playlist_id", "playlist_tracks", "playlist_id, position", "plays",
			"play_id");

	private SampleRows() {
	}

	static List<List<String>> query(Connection connection, String sql) throws SQLException {
		List<List<String>> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			ResultSetMetaData meta = rs.getMetaData();
			while (rs.next()) {
				List<String> row = new ArrayList<>(meta.getColumnCount());
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					row.add(value(rs, i, meta.getColumnType(i)));
				}
				rows.add(row);
			}
		}
		return rows;
	}

	static long count(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/**
	 * Asserts equal row lists, naming the first row that differs instead of dumping them
	 * all.
	 */
	static void assertSameRows(String what, List<List<String>> actual, List<List<String>> expected) {
		for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
			assertThat(actual.get(i)).as("%s, row %d", what, i + 1).isEqualTo(expected.get(i));
		}
		assertThat(actual).as("%s, row count", what).hasSameSizeAs(expected);
	}

	/**
	 * Asserts that every sample table holds the seed rows in H2 and the same rows in the
	 * other database.
	 */
	static void assertSameSeedRowsAsH2(Connection other, Connection h2) throws SQLException {
		for (Map.Entry<String, String> table : TABLES.entrySet()) {
			String sql = "SELECT * FROM " + table.getKey() + " ORDER BY " + table.getValue();
			List<List<String>> expected = query(h2, sql);
			assertThat(expected).as(table.getKey())
				.hasSize(SampleDatabaseTests.SEED_COUNTS.get(table.getKey()).intValue());
			assertSameRows(table.getKey(), query(other, sql), expected);
		}
	}

	private static String value(ResultSet rs, int column, int type) throws SQLException {
		Object value = switch (type) {
			case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> {
				byte[] bytes = rs.getBytes(column);
				if (bytes == null) {
					yield null;
				}
				yield HexFormat.of().formatHex(bytes);
			}
			case Types.DECIMAL, Types.NUMERIC -> {
				java.math.BigDecimal decimal = rs.getBigDecimal(column);
				if (decimal == null) {
					yield null;
				}
				yield decimal.toPlainString();
			}
			case Types.BIT, Types.BOOLEAN -> rs.getObject(column, Boolean.class);
			case Types.DATE -> rs.getObject(column, LocalDate.class);
			case Types.TIMESTAMP -> rs.getObject(column, LocalDateTime.class);
			default -> rs.getString(column);
		};
		return (value != null) ? value.toString() : NULL;
	}

}
