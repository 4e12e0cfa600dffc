package io.dynamomigrate.transform;

import java.util.Map;

import io.dynamomigrate.mapping.model.Condition;
import org.jspecify.annotations.Nullable;

/**
 * Tests {@link Condition}s (row filters and {@code when}) against a record's values,
 * comparing the column's text as templates render it. Thread-safe.
 */
public final class Conditions {

	private Conditions() {
	}

	/** Whether the condition holds; a null condition always holds. */
	public static boolean holds(@Nullable Condition condition, Map<String, @Nullable Object> values) {
		if (condition == null) {
			return true;
		}
		Object value = values.get(condition.column());
		return switch (condition.kind()) {
			case IS_NULL -> value == null;
			case NOT_NULL -> value != null;
			case EQUALS, IN -> value != null && condition.values().contains(text(value));
		};
	}

	/**
	 * The text to compare; a number too long to write out (1e999999999) equals no
	 * condition value.
	 */
	private static String text(Object value) {
		try {
			return Values.text(value);
		}
		catch (ValueRejectedException ex) {
			return Values.excerpt(value);
		}
	}

}
