package io.dynamomigrate.dynamodb.imports;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Map;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an item as one line of DynamoDB JSON, the {@code DYNAMODB_JSON} input format of
 * {@code ImportTable} (and of DynamoDB's export to S3): {@code {"Item":{"id":{"N":"1"},
 * ...}}}, every value with its type as written (numbers as their exact text, binary as
 * base64, sets as given). Thread-safe.
 */
public final class DynamoDbJsonLines {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DynamoDbJsonLines() {
	}

	/** The item's line, without the line break. */
	public static String line(Map<String, AttributeValue> item) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
		try (JsonGenerator json = JSON.createGenerator(bytes)) {
			json.writeStartObject();
			json.writeName("Item");
			map(json, item);
			json.writeEndObject();
		}
		return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
	}

	/** The length of the item's line in UTF-8 bytes, with its line break. */
	public static long bytes(Map<String, AttributeValue> item) {
		return line(item).getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1;
	}

	private static void map(JsonGenerator json, Map<String, AttributeValue> attributes) {
		json.writeStartObject();
		for (Map.Entry<String, AttributeValue> attribute : attributes.entrySet()) {
			json.writeName(attribute.getKey());
			value(json, attribute.getValue());
		}
		json.writeEndObject();
	}

	private static void value(JsonGenerator json, AttributeValue value) {
		json.writeStartObject();
		switch (value.type()) {
			case S -> json.writeStringProperty("S", value.s());
			case N -> json.writeStringProperty("N", value.n());
			case B -> json.writeStringProperty("B", base64(value.b()));
			case BOOL -> json.writeBooleanProperty("BOOL", value.bool());
			case NUL -> json.writeBooleanProperty("NULL", true);
			case SS -> strings(json, "SS", value.ss());
			case NS -> strings(json, "NS", value.ns());
			case BS -> strings(json, "BS", value.bs().stream().map(DynamoDbJsonLines::base64).toList());
			case M -> {
				json.writeName("M");
				map(json, value.m());
			}
			case L -> {
				json.writeName("L");
				json.writeStartArray();
				value.l().forEach((element) -> value(json, element));
				json.writeEndArray();
			}
			default -> throw new IllegalArgumentException("An attribute value of unknown type: " + value);
		}
		json.writeEndObject();
	}

	private static void strings(JsonGenerator json, String type, java.util.List<String> values) {
		json.writeName(type);
		json.writeStartArray();
		values.forEach(json::writeString);
		json.writeEndArray();
	}

	private static String base64(SdkBytes bytes) {
		return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
	}

}
