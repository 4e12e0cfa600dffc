package io.dynamomigrate.source.jdbc;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.LinkedCaseInsensitiveMap;

/**
 * Reads row values with exact Java types: every numeric column as {@code BigDecimal} (never {@code double}, DESIGN.md
 * invariant 6), dates and times as {@code java.time} values, binary as {@code byte[]}. Thread-safe.
 */
final class JdbcValues {

	private JdbcValues() {
	}

	/** The current row as a case-insensitive map of column label to value. */
	static Map<String, @Nullable Object> row(ResultSet rs) throws SQLException {
		ResultSetMetaData meta = rs.getMetaData();
		int count = meta.getColumnCount();
		Map<String, @Nullable Object> row = new LinkedCaseInsensitiveMap<>(count);
		for (int i = 1; i <= count; i++) {
			row.put(meta.getColumnLabel(i), value(rs, i, meta.getColumnType(i)));
		}
		return row;
	}

	static @Nullable Object value(ResultSet rs, int i, int sqlType) throws SQLException {
		Object value = switch (sqlType) {
			case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.NUMERIC, Types.DECIMAL, Types.REAL,
					Types.FLOAT, Types.DOUBLE ->
				rs.getBigDecimal(i);
			case Types.BOOLEAN, Types.BIT -> rs.getBoolean(i);
			case Types.DATE -> rs.getObject(i, LocalDate.class);
			case Types.TIME -> rs.getObject(i, LocalTime.class);
			case Types.TIME_WITH_TIMEZONE -> rs.getObject(i, OffsetTime.class);
			case Types.TIMESTAMP -> rs.getObject(i, LocalDateTime.class);
			case Types.TIMESTAMP_WITH_TIMEZONE -> rs.getObject(i, OffsetDateTime.class);
			case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> rs.getBytes(i);
			case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
					Types.CLOB, Types.NCLOB ->
				rs.getString(i);
			default -> {
				Object object = rs.getObject(i);
				yield object == null || object instanceof Boolean ? object : object.toString();
			}
		};
		return rs.wasNull() ? null : value;
	}

}
