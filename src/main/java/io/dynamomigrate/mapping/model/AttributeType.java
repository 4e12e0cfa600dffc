package io.dynamomigrate.mapping.model;

/**
 * The DynamoDB attribute types a mapping can declare: the scalar types, {@code NULL}, the
 * set types and the document types (lists and maps).
 */
public enum AttributeType {

	/** String. */
	S,
	/** Number, exact ({@code BigDecimal}), at most 38 significant digits. */
	N,
	/** Binary. */
	B,
	/** Boolean. */
	BOOL,
	/** The DynamoDB {@code NULL} value. */
	NULL,
	/** String set. */
	SS,
	/** Number set. */
	NS,
	/** Binary set. */
	BS,
	/** List (a JSON array, an SQL array, embedded child rows or a nested definition). */
	L,
	/**
	 * Map (a JSON object, embedded child rows keyed by a column, or a nested definition).
	 */
	M;

	/** Whether DynamoDB allows this type for a key attribute. */
	public boolean isKeyType() {
		return this == S || this == N || this == B;
	}

	/** Whether this is one of the set types SS, NS, BS. */
	public boolean isSet() {
		return this == SS || this == NS || this == BS;
	}

	/** Whether this is a document type, L or M. */
	public boolean isDocument() {
		return this == L || this == M;
	}

}
