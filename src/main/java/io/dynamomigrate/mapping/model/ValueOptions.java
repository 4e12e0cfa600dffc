package io.dynamomigrate.mapping.model;

import org.jspecify.annotations.Nullable;

/**
 * How an attribute's value is converted, beyond its type: date and time formats,
 * splitting text into sets or lists, and what duplicate elements and empty sets become.
 *
 * @param format a {@code DateTimeFormatter} pattern for dates and times in S attributes,
 * or {@code epoch-seconds} / {@code epoch-millis} for N attributes; null for ISO-8601 in
 * UTC
 * @param split the separator that splits text into the elements of a set or list, or null
 * @param onDuplicateElements what duplicate elements of a set become
 * @param onEmptySet what an empty set becomes
 */
public record ValueOptions(@Nullable String format, @Nullable String split, DuplicateElementPolicy onDuplicateElements,
		EmptySetPolicy onEmptySet) {

	/** ISO-8601 dates, no splitting, duplicates removed, empty sets omitted. */
	public static final ValueOptions DEFAULT = new ValueOptions(null, null, DuplicateElementPolicy.DEDUPE,
			EmptySetPolicy.OMIT);

	/**
	 * The {@code format} value that writes a date or time as whole seconds since
	 * 1970-01-01T00:00:00Z.
	 */
	public static final String EPOCH_SECONDS = "epoch-seconds";

	/**
	 * The {@code format} value that writes a date or time as milliseconds since
	 * 1970-01-01T00:00:00Z.
	 */
	public static final String EPOCH_MILLIS = "epoch-millis";

	/**
	 * What duplicate elements of a set (SS, NS, BS) become; DynamoDB refuses sets with
	 * duplicates.
	 */
	public enum DuplicateElementPolicy {

		/**
		 * Keep the first of equal elements (numbers compare by value: {@code 1.0} equals
		 * {@code 1}).
		 */
		DEDUPE,
		/** Reject the record. */
		REJECT

	}

	/** What an empty set becomes; DynamoDB refuses empty sets. */
	public enum EmptySetPolicy {

		/** Leave the attribute out of the item. */
		OMIT,
		/** Reject the record. */
		REJECT

	}

}
