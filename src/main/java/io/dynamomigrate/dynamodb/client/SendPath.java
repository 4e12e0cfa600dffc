package io.dynamomigrate.dynamodb.client;

import java.util.Locale;

/**
 * How {@code BatchWriteItem} calls are sent: through the SDK's generic client, or on the
 * lean path ({@link DirectDynamoDb}).
 */
public enum SendPath {

	/** The SDK client's {@code batchWriteItem}. */
	SDK,

	/**
	 * Request bodies written from the items, SigV4-signed by the SDK's signer and sent by
	 * the SDK's HTTP client, with the SDK's retry strategy (the default).
	 */
	DIRECT;

	/**
	 * The send path of an option's text ({@code sdk} or {@code direct}); throws
	 * {@link IllegalArgumentException} naming the option and the fix.
	 */
	public static SendPath parse(String text, String option) {
		try {
			return valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					option + ": '" + text + "' is not a send path. Fix: give direct (the default) or sdk.");
		}
	}

}
