package io.dynamomigrate.source.file;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonToken;

/**
 * Names JSON tokens in reject messages. Thread-safe.
 */
final class JsonTokens {

	private JsonTokens() {
	}

	/** How a JSON token is named in messages ("an array", "a string"...). */
	static String kind(@Nullable JsonToken token) {
		if (token == null) {
			return "nothing";
		}
		return switch (token) {
			case START_ARRAY -> "an array";
			case VALUE_STRING -> "a string";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
			case VALUE_TRUE, VALUE_FALSE -> "a boolean";
			case VALUE_NULL -> "null";
			default -> "an object";
		};
	}

}
