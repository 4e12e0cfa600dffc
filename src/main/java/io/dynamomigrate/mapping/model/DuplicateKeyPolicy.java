package io.dynamomigrate.mapping.model;

/**
 * What happens when two records of one chunk map to the same primary key. A
 * {@code BatchWriteItem} request must not contain one key twice, so duplicates are always
 * resolved before writing, and counted.
 */
public enum DuplicateKeyPolicy {

	/**
	 * The later record wins, as if the records had been written one after the other (the
	 * default).
	 */
	LAST_WINS,
	/**
	 * The earlier record wins; the later one is counted as a duplicate and not written.
	 */
	FIRST_WINS,
	/** Both records are kept out of the table and reported as rejects. */
	REJECT

}
