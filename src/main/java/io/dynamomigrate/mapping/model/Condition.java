package io.dynamomigrate.mapping.model;

import java.util.List;

/**
 * A condition on one column of a record, used as an item definition's row {@code filter}
 * and as an attribute's {@code when}. Values are compared as text, in the form templates
 * render them ({@code 4.50} is {@code 4.5}, timestamps are ISO-8601 UTC). Conditions
 * cannot run code: they compare one column with literal values.
 *
 * @param column the column
 * @param kind how the column is tested
 * @param values the literal values for {@link Kind#EQUALS} (one) and {@link Kind#IN} (any
 * number)
 * @param location where the condition is written
 */
public record Condition(String column, Kind kind, List<String> values, Location location) {

	public Condition {
		values = List.copyOf(values);
	}

	/** The tests a condition can make. */
	public enum Kind {

		/**
		 * The column's text equals the value ({@code equals: 'x'}); a null column never
		 * does.
		 */
		EQUALS,
		/**
		 * The column's text is one of the values ({@code in: [a, b]}); a null column
		 * never is.
		 */
		IN,
		/** The column is not null ({@code notNull: true}). */
		NOT_NULL,
		/** The column is null ({@code isNull: true}). */
		IS_NULL

	}

}
