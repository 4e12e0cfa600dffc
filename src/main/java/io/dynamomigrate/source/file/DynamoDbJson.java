package io.dynamomigrate.source.file;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.mapping.model.AttributeType;
import io.dynamomigrate.records.DynamoSet;
import io.dynamomigrate.records.JsonNull;
import io.dynamomigrate.records.UnreadableValue;
import org.jspecify.annotations.Nullable;

/**
 * Converts DynamoDB JSON, as DynamoDB's export to S3 writes it ({@code {"Item": {"id":
 * {"N": "1"}, ...}}}), into Java values that keep their declared types: S as String, N as
 * exact BigDecimal (parsed from its text), B as bytes (from base64), BOOL as Boolean,
 * NULL as {@link JsonNull}, SS/NS/BS as {@link DynamoSet}s with every element as written,
 * L as lists and M as maps. Thread-safe.
 */
final class DynamoDbJson {

	private DynamoDbJson() {
	}

	/**
	 * The attributes of an export line's item.
	 * @throws IllegalArgumentException with a message saying what is wrong, when the line
	 * is not DynamoDB JSON
	 */
	static Map<String, @Nullable Object> item(Map<String, @Nullable Object> line) {
		if (!(line.get("Item") instanceof Map<?, ?> item)) {
			throw new IllegalArgumentException("the line has no \"Item\" object");
		}
		return attributes(item, "Item");
	}

	private static Map<String, @Nullable Object> attributes(Map<?, ?> map, String path) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		map.forEach((name, typed) -> values.put((String) name, value(typed, path + "." + name)));
		return values;
	}

	private static @Nullable Object value(@Nullable Object typed, String path) {
		if (!(typed instanceof Map<?, ?> map) || map.size() != 1) {
			throw new IllegalArgumentException(path + " is not a typed value such as {\"S\": \"text\"}");
		}
		Map.Entry<?, ?> entry = map.entrySet().iterator().next();
		String type = (String) entry.getKey();
		Object value = entry.getValue();
		return switch (type) {
			case "S" -> text(value, path);
			case "N" -> number(value, path);
			case "B" -> binary(value, path);
			case "BOOL" -> {
				if (!(value instanceof Boolean bool)) {
					throw new IllegalArgumentException(path + ".BOOL is not true or false");
				}
				yield bool;
			}
			case "NULL" -> {
				if (!Boolean.TRUE.equals(value)) {
					throw new IllegalArgumentException(path + ".NULL is " + value + "; DynamoDB JSON writes the NULL "
							+ "value as {\"NULL\": true}");
				}
				yield JsonNull.VALUE;
			}
			case "SS", "NS", "BS" -> set(type, value, path);
			case "L" -> {
				List<@Nullable Object> list = new ArrayList<>();
				int i = 0;
				for (Object element : list(value, path + ".L")) {
					list.add(value(element, path + "[" + i++ + "]"));
				}
				yield list;
			}
			case "M" -> {
				if (!(value instanceof Map<?, ?> m)) {
					throw new IllegalArgumentException(path + ".M is not an object");
				}
				yield attributes(m, path);
			}
			default -> throw new IllegalArgumentException(path + " has the unknown type \"" + type + "\"");
		};
	}

	/**
	 * A set as written: duplicates and empty sets are left to the attribute's set
	 * policies.
	 */
	private static DynamoSet set(String type, @Nullable Object value, String path) {
		List<Object> set = new ArrayList<>();
		for (Object element : list(value, path + "." + type)) {
			set.add(switch (type) {
				case "SS" -> text(element, path);
				case "NS" -> number(element, path);
				default -> binary(element, path);
			});
		}
		return new DynamoSet(AttributeType.valueOf(type), set);
	}

	private static List<?> list(@Nullable Object value, String path) {
		if (!(value instanceof List<?> list)) {
			throw new IllegalArgumentException(path + " is not an array");
		}
		return list;
	}

	private static String text(@Nullable Object value, String path) {
		if (!(value instanceof String text)) {
			throw new IllegalArgumentException(path + " is not a string");
		}
		return text;
	}

	private static BigDecimal number(@Nullable Object value, String path) {
		if (value instanceof String text && UnreadableValue.isNotFinite(text)) {
			throw new NotFiniteNumberException(
					path + " is " + text + ", not a finite number; DynamoDB numbers are " + "finite");
		}
		try {
			return new BigDecimal(text(value, path));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(path + " is not a number: \"" + value + "\"");
		}
	}

	/**
	 * An {@code N} value that is {@code NaN} or an infinity: valid DynamoDB JSON syntax,
	 * but not a number.
	 */
	static final class NotFiniteNumberException extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		NotFiniteNumberException(String message) {
			super(message);
		}

	}

	private static byte[] binary(@Nullable Object value, String path) {
		try {
			return Base64.getDecoder().decode(text(value, path));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(path + " is not base64: " + ex.getMessage());
		}
	}

}
