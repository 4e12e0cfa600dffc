package io.dynamomigrate.source.jdbc;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * SQL arrays as lists of exact values (numbers as {@code BigDecimal}, dates and times as
 * {@code java.time} values, nested arrays as lists), for {@link JdbcValues}. Stateless
 * and thread-safe.
 */
final class SqlArrays {

	private SqlArrays() {
	}

	/**
	 * An SQL array as a list: numbers as BigDecimal, dates and times as java.time values,
	 * nested arrays as lists.
	 */
	static @Nullable List<@Nullable Object> list(@Nullable Array array) throws SQLException {
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
		if ((element instanceof Double d && !Double.isFinite(d))
				|| (element instanceof Float f && !Float.isFinite(f))) {
			throw new IllegalArgumentException("has the element " + element + ", which is not a finite number");
		}
		if (element instanceof Number number) {
			return new BigDecimal(number.toString()); // integers exactly; float elements
														// by their shortest text
		}
		if (element instanceof Object[] nested) {
			List<@Nullable Object> list = new ArrayList<>(nested.length);
			for (Object inner : nested) {
				list.add(element(inner));
			}
			return list;
		}
		if (element instanceof Array nested) {
			return list(nested);
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
