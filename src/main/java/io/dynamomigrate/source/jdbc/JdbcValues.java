package io.dynamomigrate.source.jdbc;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.transform.JsonValues;
import org.jspecify.annotations.Nullable;
import org.springframework.util.LinkedCaseInsensitiveMap;

/**
 * Reads row values with exact Java types: every numeric column as {@code BigDecimal} (never {@code double}, DESIGN.md
 * invariant 6), dates and times as {@code java.time} values, binary as {@code byte[]}, SQL arrays as lists, JSON
 * columns (PostgreSQL json/jsonb, H2 JSON) parsed into maps and lists with exact numbers. Thread-safe.
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
			// PostgreSQL reports timestamptz as TIMESTAMP; it is read with its offset and converted to UTC later
			case Types.TIMESTAMP -> "timestamptz".equalsIgnoreCase(rs.getMetaData().getColumnTypeName(i))
					? rs.getObject(i, OffsetDateTime.class) : rs.getObject(i, LocalDateTime.class);
			case Types.TIMESTAMP_WITH_TIMEZONE -> rs.getObject(i, OffsetDateTime.class);
			case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> rs.getBytes(i);
			case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
					Types.CLOB, Types.NCLOB ->
				rs.getString(i);
			case Types.ARRAY -> array(rs.getArray(i));
			default -> {
				if (isJson(rs.getMetaData().getColumnTypeName(i))) {
					String json = rs.getString(i);
					yield json == null ? null : JsonValues.parse(json);
				}
				Object object = rs.getObject(i);
				yield object == null || object instanceof Boolean ? object : object.toString();
			}
		};
		return rs.wasNull() ? null : value;
	}

	/** Whether a database type name is JSON (PostgreSQL json and jsonb, H2 JSON). */
	static boolean isJson(@Nullable String typeName) {
		return typeName != null && (typeName.equalsIgnoreCase("json") || typeName.equalsIgnoreCase("jsonb"));
	}

	/** An SQL array as a list: numbers as BigDecimal, dates and times as java.time values, nested arrays as lists. */
	private static @Nullable List<@Nullable Object> array(@Nullable Array array) throws SQLException {
		if (array == null) {
			return null;
		}
		try {
			Object[] elements = (Object[]) array.getArray();
			List<@Nullable Object> list = new ArrayList<>(elements.length);
			for (Object element : elements) {
				list.add(element(element));
			}
			return list;
		}
		finally {
			try {
				array.free();
			}
			catch (SQLException | UnsupportedOperationException ex) {
				// nothing to free
			}
		}
	}

	private static @Nullable Object element(@Nullable Object element) throws SQLException {
		if (element instanceof BigDecimal || element == null || element instanceof String || element instanceof Boolean
				|| element instanceof byte[]) {
			return element;
		}
		if (element instanceof Number number) {
			return new BigDecimal(number.toString()); // integers exactly; float elements by their shortest text
		}
		if (element instanceof Object[] nested) {
			List<@Nullable Object> list = new ArrayList<>(nested.length);
			for (Object inner : nested) {
				list.add(element(inner));
			}
			return list;
		}
		if (element instanceof Array nested) {
			return array(nested);
		}
		if (element instanceof Timestamp timestamp) {
			return timestamp.toLocalDateTime();
		}
		if (element instanceof java.sql.Date date) {
			return date.toLocalDate();
		}
		if (element instanceof Time time) {
			return time.toLocalTime();
		}
		return element.toString();
	}

}
