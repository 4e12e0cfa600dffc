package io.dynamomigrate.source.jdbc;

import java.lang.ref.WeakReference;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.Map;
import java.util.Set;

import io.dynamomigrate.records.ColumnValues;
import io.dynamomigrate.records.JsonNull;
import io.dynamomigrate.records.JsonValues;
import io.dynamomigrate.records.RejectReason;
import io.dynamomigrate.records.UnreadableValue;
import org.jspecify.annotations.Nullable;

/**
 * Reads row values with exact Java types: every numeric column as {@code BigDecimal}
 * (never {@code double}, DESIGN.md invariant 6), dates and times as {@code java.time}
 * values, binary as {@code byte[]}, SQL arrays as lists, JSON columns (PostgreSQL
 * json/jsonb, H2, MySQL and MariaDB JSON) parsed into maps and lists with exact numbers.
 * Thread-safe.
 * <p>
 * The columns of a result set (labels, types, how each is read) are looked up once per
 * result set, not per row: each thread remembers those of the last result set it read.
 */
final class JdbcValues {

	/**
	 * Per thread: the columns of the last result set read (a page of a paging reader),
	 * weakly held.
	 */
	private static final ThreadLocal<@Nullable Columns> LAST_COLUMNS = new ThreadLocal<>();

	private JdbcValues() {
	}

	/**
	 * The current row as a read-only, case-insensitive map of column label to value
	 * ({@link ColumnValues}).
	 */
	static Map<String, @Nullable Object> row(ResultSet rs) throws SQLException {
		Columns columns = columns(rs);
		int count = columns.types.length;
		@Nullable Object[] values = new Object[count];
		for (int i = 0; i < count; i++) {
			values[i] = columns.integer[i] ? integer(rs, i + 1)
					: value(rs, i + 1, columns.types[i], columns.typeNames[i], columns.bitFields[i]);
		}
		return new ColumnValues(columns.layout, values);
	}

	private static Columns columns(ResultSet rs) throws SQLException {
		Columns last = LAST_COLUMNS.get();
		if (last != null && last.resultSet.get() == rs) {
			return last;
		}
		Columns columns = new Columns(rs);
		LAST_COLUMNS.set(columns);
		return columns;
	}

	/**
	 * A signed integer column (BIGINT UNSIGNED may exceed a long): exactly, without a
	 * decimal's parsing.
	 */
	private static @Nullable BigDecimal integer(ResultSet rs, int i) throws SQLException {
		long value = rs.getLong(i);
		return rs.wasNull() ? null : BigDecimal.valueOf(value);
	}

	private static boolean isKnown(int sqlType) {
		return switch (sqlType) {
			case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.NUMERIC, Types.DECIMAL, Types.REAL,
					Types.FLOAT, Types.DOUBLE, Types.BOOLEAN, Types.BIT, Types.DATE, Types.TIME,
					Types.TIME_WITH_TIMEZONE, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.BINARY,
					Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB, Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR,
					Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB, Types.ARRAY ->
				true;
			default -> false;
		};
	}

	/**
	 * The value of a column, or an {@link UnreadableValue} when the column holds a value
	 * without an exact Java value (NaN, infinities, JSON that does not parse, a value the
	 * driver cannot convert), so that one bad value becomes the reject of its row instead
	 * of failing the read of the whole page. A lost connection is still thrown.
	 */
	private static @Nullable Object value(ResultSet rs, int i, int sqlType, @Nullable String typeName, boolean bitField)
			throws SQLException {
		Object value;
		try {
			value = convert(rs, i, sqlType, typeName, bitField);
		}
		catch (SQLException ex) {
			if (ex.getSQLState() != null && ex.getSQLState().startsWith("08")) {
				throw ex; // connection exception: not a property of the value
			}
			return unreadable(rs, i, typeName,
					"cannot be read as " + typeName(rs, i, typeName) + " (" + ex.getMessage() + ")");
		}
		catch (IllegalArgumentException ex) { // JSON that does not parse, an array
												// element that is not a number
			return unreadable(rs, i, typeName, String.valueOf(ex.getMessage()));
		}
		if (value == null && (sqlType == Types.DATE || sqlType == Types.TIMESTAMP)) {
			String text = rs.getString(i); // MariaDB's driver reads a zero date as null;
											// its text is not null
			if (text != null && MySqlValues.isZeroDate(text)) {
				return MySqlValues.zeroDate(text);
			}
		}
		if (value == null || rs.wasNull()) {
			return null;
		}
		if (INFINITIES.contains(value)) { // PostgreSQL's 'infinity' dates and timestamps,
											// as pgjdbc returns them
			String text = rs.getString(i);
			return new UnreadableValue(RejectReason.INVALID_VALUE, "is " + text + ", a date without a calendar "
					+ "value (it has no ISO-8601 form). Change the value in the source, or leave the column out of "
					+ "the item", text);
		}
		return value;
	}

	/**
	 * The dates and timestamps pgjdbc returns for PostgreSQL's {@code infinity} and
	 * {@code -infinity}.
	 */
	private static final Set<Object> INFINITIES = Set.of(LocalDate.MAX, LocalDate.MIN, LocalDateTime.MAX,
			LocalDateTime.MIN, OffsetDateTime.MAX, OffsetDateTime.MIN);

	private static UnreadableValue unreadable(ResultSet rs, int i, @Nullable String typeName, String why)
			throws SQLException {
		String text;
		try {
			text = String.valueOf(rs.getString(i));
		}
		catch (SQLException ex) {
			text = "(unreadable " + typeName(rs, i, typeName) + ")";
		}
		return MySqlValues.isZeroDate(text) ? MySqlValues.zeroDate(text) : UnreadableValue.of(text, why);
	}

	private static String typeName(ResultSet rs, int i, @Nullable String typeName) throws SQLException {
		return typeName != null ? typeName : rs.getMetaData().getColumnTypeName(i);
	}

	private static @Nullable Object convert(ResultSet rs, int i, int sqlType, @Nullable String typeName,
			boolean bitField) throws SQLException {
		return switch (sqlType) {
			case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.NUMERIC, Types.DECIMAL, Types.REAL,
					Types.FLOAT, Types.DOUBLE ->
				rs.getBigDecimal(i);
			case Types.BOOLEAN -> rs.getBoolean(i);
			case Types.BIT -> bitField ? MySqlValues.bitField(rs.getBytes(i)) : rs.getBoolean(i);
			case Types.DATE ->
				"YEAR".equalsIgnoreCase(typeName) ? MySqlValues.year(rs, i) : rs.getObject(i, LocalDate.class);
			case Types.TIME -> MySqlValues.time(rs.getString(i));
			case Types.TIME_WITH_TIMEZONE -> rs.getObject(i, OffsetTime.class);
			// PostgreSQL reports timestamptz as TIMESTAMP; it is read with its offset and
			// converted to UTC later
			case Types.TIMESTAMP -> "timestamptz".equalsIgnoreCase(typeName) ? rs.getObject(i, OffsetDateTime.class)
					: rs.getObject(i, LocalDateTime.class);
			case Types.TIMESTAMP_WITH_TIMEZONE -> rs.getObject(i, OffsetDateTime.class);
			case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> rs.getBytes(i);
			case Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB ->
				rs.getString(i);
			case Types.ARRAY -> SqlArrays.list(rs.getArray(i));
			default -> { // LONGVARCHAR too: MariaDB's JSON columns are LONGVARCHAR named
							// JSON
				if (isJson(typeName)) {
					String json = rs.getString(i);
					Object parsed = json == null ? null : JsonValues.parse(json);
					yield json != null && parsed == null ? JsonNull.VALUE : parsed; // JSON
																					// null
																					// is
																					// a
																					// value
				}
				if (sqlType == Types.LONGVARCHAR) {
					yield rs.getString(i);
				}
				Object object = rs.getObject(i);
				yield object == null || object instanceof Boolean ? object : object.toString();
			}
		};
	}

	/** The columns of one result set, as every row of it is read. */
	private static final class Columns {

		final WeakReference<ResultSet> resultSet;

		final ColumnValues.Layout layout;

		final int[] types;

		final @Nullable String[] typeNames;

		/** Signed integer columns, read as longs. */
		final boolean[] integer;

		/** {@code BIT(n)} columns with n over 1, read as numbers. */
		final boolean[] bitFields;

		Columns(ResultSet rs) throws SQLException {
			this.resultSet = new WeakReference<>(rs);
			ResultSetMetaData meta = rs.getMetaData();
			int count = meta.getColumnCount();
			String[] labels = new String[count];
			this.types = new int[count];
			this.typeNames = new String[count];
			this.integer = new boolean[count];
			this.bitFields = new boolean[count];
			for (int i = 0; i < count; i++) {
				labels[i] = meta.getColumnLabel(i + 1);
				types[i] = meta.getColumnType(i + 1);
				bitFields[i] = MySqlValues.isBitField(types[i], types[i] == Types.BIT ? meta.getPrecision(i + 1) : 1);
				boolean needsName = types[i] == Types.TIMESTAMP || types[i] == Types.DATE
						|| types[i] == Types.LONGVARCHAR || !isKnown(types[i]);
				typeNames[i] = needsName ? meta.getColumnTypeName(i + 1) : null;
				integer[i] = switch (types[i]) {
					case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> true;
					case Types.BIGINT -> meta.isSigned(i + 1);
					default -> false;
				};
			}
			this.layout = new ColumnValues.Layout(labels);
		}

	}

	/** Whether a database type name is JSON (PostgreSQL json and jsonb, H2 JSON). */
	static boolean isJson(@Nullable String typeName) {
		return typeName != null && (typeName.equalsIgnoreCase("json") || typeName.equalsIgnoreCase("jsonb"));
	}

}
