package io.dynamomigrate.mapping.validation;

/**
 * The kinds of problem validation finds in a mapping file. Each problem carries one of
 * these, so tools and tests can tell problems apart without parsing messages.
 */
public enum ProblemCode {

	/** The file is not valid YAML. */
	YAML_SYNTAX,
	/** A key the mapping language does not know. */
	UNKNOWN_KEY,
	/** A required key is missing. */
	MISSING_KEY,
	/**
	 * A value of the wrong kind (a list where a map belongs, text where a number belongs,
	 * ...).
	 */
	WRONG_VALUE,
	/** A name that DynamoDB or SQL does not accept. */
	INVALID_NAME,
	/** A template that cannot be parsed, or that tries to be an expression. */
	TEMPLATE_SYNTAX,
	/** A reference to a table, column or item that does not exist. */
	UNKNOWN_REFERENCE,
	/** The same name twice. */
	DUPLICATE_NAME,
	/**
	 * An item definition that does not produce the table's key attributes, or with the
	 * wrong type.
	 */
	KEY_MISMATCH,
	/** An environment variable that is not set. */
	MISSING_ENVIRONMENT

}
