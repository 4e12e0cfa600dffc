package io.dynamomigrate.dynamodb.write;

import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.core.JsonGenerator;

/**
 * Writes attribute values in DynamoDB's JSON wire format (<code>{"S":"a"}</code>,
 * <code>{"N":"1"}</code>, <code>{"B":"base64"}</code>, sets, lists, maps,
 * <code>{"BOOL":true}</code>, <code>{"NULL":true}</code>), as the SDK's marshaller writes
 * them.
 */
final class ItemJson {

	private ItemJson() {
	}

	/** Writes the attributes as a JSON object of attribute values. */
	static void writeItem(JsonGenerator json, Map<String, AttributeValue> attributes) {
		json.writeStartObject();
		for (Map.Entry<String, AttributeValue> attribute : attributes.entrySet()) {
			json.writeName(attribute.getKey());
			writeValue(json, attribute.getValue());
		}
		json.writeEndObject();
	}

	static void writeValue(JsonGenerator json, AttributeValue value) {
		json.writeStartObject();
		switch (value.type()) {
			case S -> json.writeStringProperty("S", value.s());
			case N -> json.writeStringProperty("N", value.n());
			case B -> {
				json.writeName("B");
				json.writeBinary(value.b().asByteArrayUnsafe());
			}
			case BOOL -> json.writeBooleanProperty("BOOL", value.bool());
			case NUL -> json.writeBooleanProperty("NULL", true);
			case SS -> writeStrings(json, "SS", value.ss());
			case NS -> writeStrings(json, "NS", value.ns());
			case BS -> {
				json.writeName("BS");
				json.writeStartArray();
				for (SdkBytes bytes : value.bs()) {
					json.writeBinary(bytes.asByteArrayUnsafe());
				}
				json.writeEndArray();
			}
			case M -> {
				json.writeName("M");
				writeItem(json, value.m());
			}
			case L -> {
				json.writeName("L");
				json.writeStartArray();
				for (AttributeValue element : value.l()) {
					writeValue(json, element);
				}
				json.writeEndArray();
			}
			default -> throw new IllegalArgumentException("An attribute value of unknown type: " + value);
		}
		json.writeEndObject();
	}

	private static void writeStrings(JsonGenerator json, String type, List<String> strings) {
		json.writeName(type);
		json.writeStartArray();
		for (String string : strings) {
			json.writeString(string);
		}
		json.writeEndArray();
	}

}
