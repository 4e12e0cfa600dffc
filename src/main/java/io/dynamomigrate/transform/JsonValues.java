package io.dynamomigrate.transform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses JSON text into plain Java values: objects as ordered {@code Map}s, arrays as {@code List}s, every number as
 * an exact {@code BigDecimal} (never {@code double}, DESIGN.md invariant 6), strings, booleans and nulls; and writes
 * such values back as JSON text. Thread-safe.
 */
public final class JsonValues {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
		.build();

	private JsonValues() {
	}

	/**
	 * The value of JSON text.
	 * @throws IllegalArgumentException with a phrase that completes "the value …" when the text is not JSON
	 */
	public static @Nullable Object parse(String json) {
		try {
			return value(MAPPER.readTree(json));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("is not JSON (" + ex.getOriginalMessage() + ")");
		}
	}

	/** JSON text of a value made of maps, lists, numbers, text, booleans and nulls. */
	public static String write(@Nullable Object value) {
		return MAPPER.writeValueAsString(value);
	}

	private static @Nullable Object value(JsonNode node) {
		if (node.isObject()) {
			Map<String, @Nullable Object> map = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				map.put(property.getKey(), value(property.getValue()));
			}
			return map;
		}
		if (node.isArray()) {
			List<@Nullable Object> list = new ArrayList<>();
			for (JsonNode element : node.values()) {
				list.add(value(element));
			}
			return list;
		}
		if (node.isNumber()) {
			return node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isNull() || node.isMissingNode()) {
			return null;
		}
		return node.stringValue();
	}

}
