package io.dynamomigrate.dynamodb.write;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.dynamomigrate.transform.MappedItem;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes attribute values in DynamoDB's JSON wire format (<code>{"S":"a"}</code>,
 * <code>{"N":"1"}</code>, <code>{"B":"base64"}</code>, sets, lists, maps,
 * <code>{"BOOL":true}</code>, <code>{"NULL":true}</code>), as the SDK's marshaller writes
 * them, through Jackson's generator: the reference that {@link RequestBody} (the direct
 * path's {@code BatchWriteItem} bodies and the lines an import uploads) is tested
 * against, byte for byte. It was the production writer before {@code RequestBody}.
 */
final class ItemJson {

	private static final JsonFactory FACTORY = new JsonFactory();

	private static final SerializedString PUT_REQUEST = new SerializedString("PutRequest");

	private static final SerializedString DELETE_REQUEST = new SerializedString("DeleteRequest");

	private static final SerializedString ITEM = new SerializedString("Item");

	private static final SerializedString KEY = new SerializedString("Key");

	/** Attribute names, quoted and encoded once: an item's names repeat on every item. */
	private static final Map<String, SerializedString> NAMES = new ConcurrentHashMap<>();

	/** At most this many names are kept (names of free-form maps may not repeat). */
	private static final int MAX_NAMES = 10_000;

	private static final SerializedString S = new SerializedString("S");

	private static final SerializedString N = new SerializedString("N");

	private ItemJson() {
	}

	/** The {@code BatchWriteItem} request of the items. */
	static byte[] body(String table, List<MappedItem> items) {
		long size = 64;
		for (MappedItem item : items) {
			size += item.sizeBytes() + 32L * item.item().size() + 32;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(size, 32 << 20));
		try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
			json.writeStartObject();
			json.writeName("RequestItems");
			json.writeStartObject();
			json.writeName(table);
			json.writeStartArray();
			for (MappedItem item : items) {
				json.writeStartObject();
				json.writeName(item.delete() ? DELETE_REQUEST : PUT_REQUEST);
				json.writeStartObject();
				json.writeName(item.delete() ? KEY : ITEM);
				writeItem(json, item.delete() ? item.key() : item.item());
				json.writeEndObject();
				json.writeEndObject();
			}
			json.writeEndArray();
			json.writeEndObject();
			json.writeEndObject();
		}
		return out.toByteArray();
	}

	/**
	 * The item's line of DynamoDB JSON for {@code ImportTable}, without the line break.
	 */
	static byte[] importLine(Map<String, AttributeValue> item) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
			json.writeStartObject();
			json.writeName(ITEM);
			writeItem(json, item);
			json.writeEndObject();
		}
		return out.toByteArray();
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
	static void writeItem(JsonGenerator json, Map<String, AttributeValue> attributes) {
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
