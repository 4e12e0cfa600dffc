package io.dynamomigrate.mapping.model;

/**
 * What an attribute becomes when its value is null. Key attributes are never null: a null
 * key is a reject.
 */
public enum NullPolicy {

	/** Leave the attribute out of the item (the default). */
	OMIT,
	/** Write a DynamoDB {@code NULL} attribute. */
	NULL,
	/** Reject the source record. */
	REJECT

}
