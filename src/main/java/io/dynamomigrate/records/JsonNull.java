package io.dynamomigrate.records;

/**
 * A JSON {@code null} that is a value: a {@code json}/{@code jsonb} column holding
 * {@code null}, a field of a JSON or JSON Lines record written as {@code null}, a
 * DynamoDB JSON {@code {"NULL": true}}. It becomes the DynamoDB {@code NULL} value,
 * whatever type the attribute declares, while SQL NULL and a missing field (Java null)
 * follow the attribute's {@code onNull} policy. Its text is {@code null}, as in JSON.
 */
public enum JsonNull {

	/** The one JSON null. */
	VALUE;

	@Override
	public String toString() {
		return "null";
	}

}
