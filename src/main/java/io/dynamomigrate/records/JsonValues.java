package io.dynamomigrate.records;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one conversion of JSON into plain Java values, used for JSON columns and for JSON
 * files alike: objects as ordered {@code Map}s, arrays as {@code List}s, every number as
 * an exact {@code BigDecimal} (never {@code double}, DESIGN.md invariant 6), strings,
 * booleans and nulls; and JSON text of such values. It reads from a streaming parser, so
 * a file is converted one record at a time. Thread-safe.
 */
public final class JsonValues {

	/**
	 * A parser factory with Jackson's default limits (nesting depth, number and string
	 * lengths).
	 */
	public static final JsonFactory FACTORY = new JsonFactory();

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private JsonValues() {
	}

	/**
	 * The value of JSON text.
	 * @throws IllegalArgumentException with a phrase that completes "the value …" when
	 * the text is not one JSON value
	 */
	public static @Nullable Object parse(String json) {
		try (JsonParser parser = FACTORY.createParser(json)) {
			if (parser.nextToken() == null) {
				throw new IllegalArgumentException("is not JSON (it is empty)");
			}
			Object value = value(parser);
			if (parser.nextToken() != null) {
				throw new IllegalArgumentException("is not JSON (text follows the value)");
			}
			return value;
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("is not JSON (" + ex.getOriginalMessage() + ")");
		}
	}

	/** Why a record with a lone surrogate is rejected. */
	public static final String LONE_SURROGATE = "the record has an escaped lone surrogate (such as \\ud800), which "
			+ "is not a character and has no UTF-8 form; DynamoDB stores UTF-8 text";

	/**
	 * Whether a value read from JSON has text (a string or a field name, at any depth)
	 * with a surrogate that is not part of a pair: JSON escapes can write one
	 * ({@code "\ud800"}), UTF-8 cannot.
	 */
	public static boolean hasLoneSurrogate(@Nullable Object value) {
		if (value instanceof String text) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (Character.isHighSurrogate(c) && i + 1 < text.length()
						&& Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
				}
				else if (Character.isSurrogate(c)) {
					return true;
				}
			}
			return false;
		}
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (hasLoneSurrogate(entry.getKey()) || hasLoneSurrogate(entry.getValue())) {
					return true;
				}
			}
			return false;
		}
		if (value instanceof List<?> list) {
			for (Object element : list) {
				if (hasLoneSurrogate(element)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Text with each lone surrogate written as its escape ({@code \\ud800}), so that it
	 * can be written as UTF-8.
	 */
	public static String escapeLoneSurrogates(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				escaped.append(c).append(text.charAt(++i));
			}
			else if (Character.isSurrogate(c)) {
				escaped.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
			}
			else {
				escaped.append(c);
			}
		}
		return escaped.toString();
	}

	/** JSON text of a value made of maps, lists, numbers, text, booleans and nulls. */
	public static String write(@Nullable Object value) {
		return MAPPER.writeValueAsString(value);
	}

	/**
	 * Reads the object whose START_OBJECT is the current token, up to and including its
	 * END_OBJECT.
	 */
	public static Map<String, @Nullable Object> object(JsonParser parser) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		String name;
		while ((name = parser.nextName()) != null) {
			parser.nextToken();
			values.put(name, value(parser));
		}
		return values;
	}

	/**
	 * Reads a record (a JSON or JSON Lines object) whose START_OBJECT is the current
	 * token: as {@link #object}, but a field written as {@code null} is
	 * {@link JsonNull#VALUE}, a value, unlike a missing field.
	 */
	public static Map<String, @Nullable Object> record(JsonParser parser) {
		Map<String, @Nullable Object> values = object(parser);
		values.replaceAll((name, value) -> value == null ? JsonNull.VALUE : value);
		return values;
	}

	/**
	 * The value at the current token (reading to its end when it is an object or an
	 * array).
	 */
	public static @Nullable Object value(JsonParser parser) {
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

}
