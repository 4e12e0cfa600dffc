package io.dynamomigrate.dynamodb.write;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;

/**
 * Writes attribute values in DynamoDB's JSON wire format (<code>{"S":"a"}</code>,
 * <code>{"N":"1"}</code>, <code>{"B":"base64"}</code>, sets, lists, maps,
 * <code>{"BOOL":true}</code>, <code>{"NULL":true}</code>), as the SDK's marshaller writes
 * them. Used for the lines an import uploads, and as the reference that
 * {@link RequestBody} (the direct path's {@code BatchWriteItem} bodies) is tested
 * against.
 */
public final class ItemJson {

	/** Attribute names, quoted and encoded once: an item's names repeat on every item. */
	private static final Map<String, SerializedString> NAMES = new ConcurrentHashMap<>();

	/** At most this many names are kept (names of free-form maps may not repeat). */
	private static final int MAX_NAMES = 10_000;

	private static final SerializedString S = new SerializedString("S");

	private static final SerializedString N = new SerializedString("N");

	private ItemJson() {
	}

	/** The name, encoded once when it is among the first {@value #MAX_NAMES}. */
	static SerializedString name(String name) {
		SerializedString encoded = NAMES.get(name);
		if (encoded == null) {
			encoded = new SerializedString(name);
			if (NAMES.size() < MAX_NAMES) {
				NAMES.putIfAbsent(name, encoded);
			}
		}
		return encoded;
	}

	/** Writes the attributes as a JSON object of attribute values. */
	public static void writeItem(JsonGenerator json, Map<String, AttributeValue> attributes) {
		json.writeStartObject();
		for (Map.Entry<String, AttributeValue> attribute : attributes.entrySet()) {
			json.writeName(name(attribute.getKey()));
			writeValue(json, attribute.getValue());
		}
		json.writeEndObject();
	}

	static void writeValue(JsonGenerator json, AttributeValue value) {
		json.writeStartObject();
		switch (value.type()) {
			case S -> {
				json.writeName(S);
				json.writeString(value.s());
			}
			case N -> {
				json.writeName(N);
				json.writeString(value.n());
			}
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
