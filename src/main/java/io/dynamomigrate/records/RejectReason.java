package io.dynamomigrate.records;

/**
 * Why a record was rejected. The codes appear in the rejects file and the run summary.
 */
public enum RejectReason {

	/** A key attribute's value is null. */
	NULL_KEY,
	/** A key attribute's value is empty (DynamoDB refuses empty key values). */
	EMPTY_KEY,
	/** A value with {@code onNull: reject} is null. */
	NULL_VALUE,
	/**
	 * A number that is not a number, has more than 38 significant digits, or is out of
	 * DynamoDB's range.
	 */
	INVALID_NUMBER,
	/**
	 * A number that is {@code NaN} or infinite (a float or {@code numeric} column, or
	 * such text for an N value).
	 */
	NUMBER_NOT_FINITE,
	/** A value that cannot be converted to the declared type. */
	INVALID_VALUE,
	/**
	 * A key attribute or index key attribute whose value has another type than the table
	 * or index declares (a JSON string {@code "7"} for an N key): never converted
	 * silently; {@code number(x)} or {@code text(x)} converts.
	 */
	INVALID_KEY_TYPE,
	/**
	 * A partition key over 2,048 bytes or a sort key over 1,024 bytes (of a table or an
	 * index).
	 */
	KEY_TOO_LARGE,
	/** The item is larger than DynamoDB's 400 KB limit. */
	ITEM_TOO_LARGE,
	/** An embedded list has more elements than {@code maxElements}. */
	TOO_MANY_ELEMENTS,
	/**
	 * Another record of the same chunk has the same primary key, under
	 * {@code onDuplicateKey: reject}.
	 */
	DUPLICATE_KEY,
	/**
	 * A set (SS, NS, BS) with duplicate elements, under
	 * {@code onDuplicateElements: reject}.
	 */
	DUPLICATE_ELEMENTS,
	/** An empty set (SS, NS, BS), under {@code onEmptySet: reject}. */
	EMPTY_SET,
	/** A list or map nested deeper than DynamoDB's 32 levels. */
	NESTING_TOO_DEEP,
	/** A CSV row with more or fewer fields than there are columns. */
	RAGGED_ROW,
	/**
	 * CSV that cannot be parsed (a quote that is never closed); the rest of the file
	 * cannot be read.
	 */
	MALFORMED_CSV,
	/**
	 * A JSON record that cannot be parsed: truncated, invalid, or not DynamoDB JSON where
	 * that is declared.
	 */
	MALFORMED_JSON,
	/** A JSON line or array element that is not an object. */
	NOT_AN_OBJECT,
	/** A record with bytes that are not valid in the file's encoding. */
	INVALID_ENCODING,
	/** A record longer than the file source's {@code maxRecordSize}. */
	RECORD_TOO_LARGE

}
