package io.dynamomigrate.source.file;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/**
 * Turns the JSON value at a streaming parser's current token into Java values: objects into ordered maps, arrays into
 * lists, every number into an exact {@code BigDecimal} (never {@code double}), strings, booleans and null as they are.
 * Thread-safe.
 */
final class JsonValues {

	/** A parser factory with Jackson's default limits (nesting depth, number and string lengths). */
	static final JsonFactory FACTORY = new JsonFactory();

	private JsonValues() {
	}

	/** Reads the object whose START_OBJECT is the current token, up to and including its END_OBJECT. */
	static Map<String, @Nullable Object> object(JsonParser parser) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		String name;
		while ((name = parser.nextName()) != null) {
			parser.nextToken();
			values.put(name, value(parser));
		}
		return values;
	}

	/** The value at the current token (reading to its end when it is an object or an array). */
	static @Nullable Object value(JsonParser parser) {
		JsonToken token = parser.currentToken();
		return switch (token) {
			case START_OBJECT -> object(parser);
			case START_ARRAY -> array(parser);
			case VALUE_STRING -> parser.getString();
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
			case VALUE_TRUE -> Boolean.TRUE;
			case VALUE_FALSE -> Boolean.FALSE;
			case VALUE_NULL -> null;
			default -> throw new IllegalStateException("Unexpected JSON token " + token);
		};
	}

	private static List<@Nullable Object> array(JsonParser parser) {
		List<@Nullable Object> values = new ArrayList<>();
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			values.add(value(parser));
		}
		return values;
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
