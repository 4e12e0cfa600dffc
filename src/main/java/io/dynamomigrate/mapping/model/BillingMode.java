package io.dynamomigrate.mapping.model;

/** Billing mode of a table the tool creates. */
public enum BillingMode {

	/** On-demand capacity (the default). */
	PAY_PER_REQUEST,
	/** Provisioned read and write capacity units. */
	PROVISIONED

}
