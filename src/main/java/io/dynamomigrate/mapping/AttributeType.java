package io.dynamomigrate.mapping;

/**
 * The DynamoDB attribute types a mapping can declare. Version 1 of the mapping language supports the scalar
 * types and the document types produced by embedding; sets follow with the complete language.
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
	/** List (embedded child rows). */
	L,
	/** Map (one embedded child row, or a nested definition). */
	M;

	/** Whether DynamoDB allows this type for a key attribute. */
	public boolean isKeyType() {
		return this == S || this == N || this == B;
	}

}
