package io.dynamomigrate.mapping.model;

import java.util.Locale;

/**
 * A write budget as the user gives it ({@code --max-write-capacity}, or a table's
 * {@code writeBudget} in the mapping): an absolute number of WCU per second
 * ({@code 1500}), a percentage of the table's write capacity ({@code 50%}), or
 * {@code unlimited}. {@link #parse} is the one place that knows how a budget is written;
 * what a budget comes to for a table, as {@code DescribeTable} shows it, is worked out in
 * {@code io.dynamomigrate.dynamodb.capacity.WriteBudgets}. Immutable.
 *
 * @param units WCU per second, when absolute
 * @param percent percent of the table's write capacity, when relative
 * @param unlimited no limit at all
 */
public record WriteBudget(long units, int percent, boolean unlimited) {

	public WriteBudget {
		if (!unlimited && (units < 0 || percent < 0 || (units == 0) == (percent == 0))) {
			throw new IllegalArgumentException("A write budget is a number of WCU or a percentage, not both");
		}
	}

	/**
	 * Parses {@code 1500}, {@code 50%} or {@code unlimited}.
	 * @param where where the text comes from, for the message (an option or
	 * {@code file:line})
	 * @throws IllegalArgumentException with the place and the fix when the text is none
	 * of them
	 */
	public static WriteBudget parse(String text, String where) {
		String value = text.strip().toLowerCase(Locale.ROOT);
		try {
			if (value.equals("unlimited")) {
				return new WriteBudget(0, 0, true);
			}
			if (value.endsWith("%")) {
				int percent = Integer.parseInt(value.substring(0, value.length() - 1).strip());
				if (percent >= 1 && percent <= 100) {
					return new WriteBudget(0, percent, false);
				}
			}
			else {
				long units = Long.parseLong(value.replace("_", ""));
				if (units >= 1) {
					return new WriteBudget(units, 0, false);
				}
			}
		}
		catch (NumberFormatException ex) {
			// explained below
		}
		throw new IllegalArgumentException(where + ": '" + text + "' is not a write budget. Fix: give WCU per second "
				+ "(a whole number of at least 1, e.g. 1500), a percentage of the table's write capacity from 1% to "
				+ "100% (e.g. 50%), or 'unlimited'.");
	}

	@Override
	public String toString() {
		return unlimited ? "unlimited" : units > 0 ? Long.toString(units) : percent + "%";
	}

}
