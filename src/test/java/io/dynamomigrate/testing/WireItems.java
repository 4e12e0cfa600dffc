package io.dynamomigrate.testing;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/**
 * Reads DynamoDB JSON 1.0 attribute values ({@code {"S": "x"}}, {@code {"M": {...}}},
 * ...) into SDK {@link AttributeValue}s, so that a test endpoint can size items by the
 * same rules as the tool. Thread-safe.
 */
final class WireItems {

	private WireItems() {
	}

	static Map<String, AttributeValue> item(JsonNode node) {
		Map<String, AttributeValue> item = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> attribute : node.properties()) {
			item.put(attribute.getKey(), value(attribute.getValue()));
		}
		return item;
	}

	static AttributeValue value(JsonNode node) {
		Map.Entry<String, JsonNode> typed = node.properties().iterator().next();
		JsonNode v = typed.getValue();
		return switch (typed.getKey()) {
			case "S" -> AttributeValue.fromS(v.asString());
			case "N" -> AttributeValue.fromN(v.asString());
			case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(v.asString())));
			case "BOOL" -> AttributeValue.fromBool(v.asBoolean());
			case "NULL" -> AttributeValue.fromNul(true);
			case "SS" -> AttributeValue.fromSs(strings(v));
			case "NS" -> AttributeValue.fromNs(strings(v));
			case "BS" -> AttributeValue
				.fromBs(strings(v).stream().map((s) -> SdkBytes.fromByteArray(Base64.getDecoder().decode(s))).toList());
			case "L" -> {
				List<AttributeValue> list = new ArrayList<>();
				v.forEach((element) -> list.add(value(element)));
				yield AttributeValue.fromL(list);
			}
			case "M" -> AttributeValue.fromM(item(v));
			default -> throw new IllegalArgumentException("Unknown attribute type " + typed.getKey());
		};
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((element) -> values.add(element.asString()));
		return values;
	}

}
