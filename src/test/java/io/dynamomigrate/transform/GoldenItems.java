package io.dynamomigrate.transform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expected items written by hand as DynamoDB JSON files under
 * {@code src/test/resources/golden}, and an attribute-by-attribute comparison in which
 * sets compare as sets (DynamoDB does not keep their order).
 */
public final class GoldenItems {

	private static final Path DIRECTORY = Path.of("src/test/resources/golden");

	private GoldenItems() {
	}

	/** The golden item in {@code golden/<name>.json}. */
	public static Map<String, AttributeValue> load(String name) {
		try {
			JsonNode json = JsonMapper.builder().build().readTree(Files.readString(DIRECTORY.resolve(name + ".json")));
			return attributes(json);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, AttributeValue> attributes(JsonNode object) {
		Map<String, AttributeValue> attributes = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> property : object.properties()) {
			attributes.put(property.getKey(), value(property.getValue()));
		}
		return attributes;
	}

	private static AttributeValue value(JsonNode node) {
		Map.Entry<String, JsonNode> typed = node.properties().iterator().next();
		JsonNode v = typed.getValue();
		return switch (typed.getKey()) {
			case "S" -> AttributeValue.fromS(v.stringValue());
			case "N" -> AttributeValue.fromN(v.stringValue());
			case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(v.stringValue())));
			case "BOOL" -> AttributeValue.fromBool(v.booleanValue());
			case "NULL" -> AttributeValue.fromNul(true);
			case "SS" -> AttributeValue.fromSs(texts(v));
			case "NS" -> AttributeValue.fromNs(texts(v));
			case "BS" -> AttributeValue
				.fromBs(texts(v).stream().map((b) -> SdkBytes.fromByteArray(Base64.getDecoder().decode(b))).toList());
			case "L" -> AttributeValue.fromL(v.values().stream().map(GoldenItems::value).toList());
			case "M" -> AttributeValue.fromM(attributes(v));
			default -> throw new IllegalArgumentException("Unknown DynamoDB JSON type " + typed.getKey());
		};
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.values().forEach((element) -> texts.add(element.stringValue()));
		return texts;
	}

	/**
	 * Asserts the same attribute names, and for each the same value; sets compare without
	 * order.
	 */
	public static void assertSameItem(String name, Map<String, AttributeValue> expected,
			Map<String, AttributeValue> actual) {
		assertThat(actual).as("item %s", name).isNotNull();
		assertThat(new TreeSet<>(actual.keySet())).as("attribute names of %s", name)
			.isEqualTo(new TreeSet<>(expected.keySet()));
		expected
			.forEach((attribute, value) -> assertThat(comparable(actual.get(attribute))).as("%s.%s", name, attribute)
				.isEqualTo(comparable(value)));
	}

	private static Object comparable(AttributeValue value) {
		if (value.hasSs()) {
			return new TreeSet<>(value.ss());
		}
		if (value.hasNs()) {
			return new TreeSet<>(value.ns());
		}
		if (value.hasBs()) {
			return new TreeSet<>(
					value.bs().stream().map((b) -> Base64.getEncoder().encodeToString(b.asByteArray())).toList());
		}
		if (value.hasL()) {
			return value.l().stream().map(GoldenItems::comparable).toList();
		}
		if (value.hasM()) {
			Map<String, Object> map = new LinkedHashMap<>();
			new TreeSet<>(value.m().keySet()).forEach((k) -> map.put(k, comparable(value.m().get(k))));
			return map;
		}
		return value;
	}

}
