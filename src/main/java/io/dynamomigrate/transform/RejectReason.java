package io.dynamomigrate.transform;

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
	/** A number that is not a number, has more than 38 significant digits, or is out of DynamoDB's range. */
	INVALID_NUMBER,
	/** A value that cannot be converted to the declared type. */
	INVALID_VALUE,
	/** The item is larger than DynamoDB's 400 KB limit. */
	ITEM_TOO_LARGE,
	/** An embedded list has more elements than {@code maxElements}. */
	TOO_MANY_ELEMENTS,
	/** Another record of the same chunk has the same primary key, under {@code onDuplicateKey: reject}. */
	DUPLICATE_KEY

}
