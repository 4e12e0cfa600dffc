package io.dynamomigrate.sample;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Renders rows as multi-row {@code INSERT} statements for one {@link SampleDialect}. The
 * output depends on the rows and the dialect only (never on the locale, time zone or line
 * separator of the machine), so a script is byte-for-byte reproducible. Stateless and
 * thread-safe.
 */
final class SqlScriptWriter {

	/** Rows per {@code INSERT} statement: few statements, none of them huge. */
	static final int ROWS_PER_STATEMENT = 500;

	private SqlScriptWriter() {
	}

	/**
	 * The rows of one table, in insertion order.
	 *
	 * @param name the table name
	 * @param columns the column names, in the order of each row's values
	 * @param rows the values: {@code null}, {@link Integer}, {@link Long},
	 * {@link BigDecimal}, {@link Boolean}, {@link String}, {@link LocalDate},
	 * {@link LocalDateTime} or {@code byte[]}
	 */
	record Table(String name, List<String> columns, List<Object[]> rows) {
	}

	static void appendInserts(StringBuilder sql, SampleDialect dialect, Table table) {
		String prefix = "INSERT INTO " + table.name() + " (" + String.join(", ", table.columns()) + ") VALUES\n";
		List<Object[]> rows = table.rows();
		for (int i = 0; i < rows.size(); i++) {
			sql.append((i % ROWS_PER_STATEMENT == 0) ? prefix : ",\n").append('(');
			Object[] row = rows.get(i);
			for (int c = 0; c < row.length; c++) {
				if (c > 0) {
					sql.append(',');
				}
				sql.append(literal(dialect, row[c]));
			}
			sql.append(')');
			if (i % ROWS_PER_STATEMENT == ROWS_PER_STATEMENT - 1 || i == rows.size() - 1) {
				sql.append(";\n");
			}
		}
	}

	static String literal(SampleDialect dialect, Object value) {
		if (value == null) {
			return "NULL";
		}
		if (value instanceof String text) {
			return dialect.stringLiteral(text);
		}
		if (value instanceof Boolean bool) {
			return bool ? "TRUE" : "FALSE";
		}
		if (value instanceof Integer || value instanceof Long) {
			return value.toString();
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof LocalDate date) {
			return "DATE '" + date + "'";
		}
		if (value instanceof LocalDateTime timestamp) {
			return "TIMESTAMP '" + timestamp(timestamp) + "'";
		}
		if (value instanceof byte[] bytes) {
			return dialect.binaryLiteral(bytes);
		}
		throw new IllegalArgumentException("No SQL literal for a " + value.getClass().getName());
	}

	/**
	 * {@code yyyy-MM-dd HH:mm:ss}, with {@code .SSS} when the value has a fraction
	 * (millis at most).
	 */
	static String timestamp(LocalDateTime value) {
		String text = String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d", value.getYear(),
				value.getMonthValue(), value.getDayOfMonth(), value.getHour(), value.getMinute(), value.getSecond());
		if (value.getNano() % 1_000_000 != 0) {
			throw new IllegalArgumentException("Sample timestamps carry millis at most: " + value);
		}
		return (value.getNano() == 0) ? text : text + String.format(Locale.ROOT, ".%03d", value.getNano() / 1_000_000);
	}

}
