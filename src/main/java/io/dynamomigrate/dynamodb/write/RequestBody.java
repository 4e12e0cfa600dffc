package io.dynamomigrate.dynamodb.write;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.transform.MappedItem;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes items in DynamoDB's JSON wire format straight into a byte array — the body of a
 * {@code BatchWriteItem} request, or an item's line for {@code ImportTable} — the same
 * bytes as Jackson's generator writes (attribute values in DynamoDB's JSON wire format;
 * text as UTF-8 with Jackson's escapes: a backslash before a quote or a backslash, the
 * short escapes of backspace, tab, newline, form feed and carriage return, and
 * six-character unicode escapes for the other control characters and for surrogates), but
 * without a generator's state machine per token: the body of a batch is the hot path of a
 * run, written for every item sent. {@code RequestBodyTests} holds the bytes to Jackson's
 * ({@code ItemJson} in the tests). Not thread-safe; one per body.
 */
public final class RequestBody {

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] REQUEST_ITEMS = ascii("{\"RequestItems\":{");

	private static final byte[] ITEM_LINE = ascii("{\"Item\":");

	private static final byte[] PUT = ascii("{\"PutRequest\":{\"Item\":");

	private static final byte[] DELETE = ascii("{\"DeleteRequest\":{\"Key\":");

	private static final byte[] S = ascii("{\"S\":");

	private static final byte[] N = ascii("{\"N\":");

	private static final byte[] B = ascii("{\"B\":\"");

	private static final byte[] TRUE = ascii("{\"BOOL\":true}");

	private static final byte[] FALSE = ascii("{\"BOOL\":false}");

	private static final byte[] NUL = ascii("{\"NULL\":true}");

	private static final byte[] SS = ascii("{\"SS\":[");

	private static final byte[] NS = ascii("{\"NS\":[");

	private static final byte[] BS = ascii("{\"BS\":[");

	private static final byte[] M = ascii("{\"M\":");

	private static final byte[] L = ascii("{\"L\":[");

	private byte[] bytes;

	private int length;

	private RequestBody(int capacity) {
		this.bytes = new byte[Math.max(capacity, 256)];
	}

	/** The {@code BatchWriteItem} request of the items to one table. */
	static byte[] of(String table, List<MappedItem> items) {
		long size = 64 + 2L * table.length();
		for (MappedItem item : items) {
			size += item.sizeBytes() + 24L * item.item().size() + 32;
		}
		RequestBody body = new RequestBody((int) Math.min(size, 32 << 20));
		body.raw(REQUEST_ITEMS);
		body.string(table);
		body.raw((byte) ':');
		body.raw((byte) '[');
		for (MappedItem item : items) {
			body.separate();
			body.raw(item.delete() ? DELETE : PUT);
			body.item(item.delete() ? item.key() : item.item());
			body.raw((byte) '}');
			body.raw((byte) '}');
		}
		body.raw((byte) ']');
		body.raw((byte) '}');
		body.raw((byte) '}');
		return Arrays.copyOf(body.bytes, body.length);
	}

	/**
	 * The item as one line of DynamoDB JSON, without the line break:
	 * {@code {"Item":{...}}}, the {@code DYNAMODB_JSON} input format of
	 * {@code ImportTable} (and of DynamoDB's export to S3).
	 */
	public static byte[] importLine(Map<String, AttributeValue> item) {
		RequestBody body = new RequestBody(256);
		body.raw(ITEM_LINE);
		body.item(item);
		body.raw((byte) '}');
		return Arrays.copyOf(body.bytes, body.length);
	}

	/**
	 * By {@code forEach}, which walks an item's map ({@code ItemAttributes}) without an
	 * entry object per attribute.
	 */
	private void item(Map<String, AttributeValue> attributes) {
		raw((byte) '{');
		attributes.forEach(this::attribute);
		raw((byte) '}');
	}

	/**
	 * The comma before a member of an object or an element of an array, unless it is the
	 * first: the first follows the opening brace or bracket, every other follows a value,
	 * which ends with a brace or a quote.
	 */
	private void separate() {
		byte before = bytes[length - 1];
		if (before != '{' && before != '[') {
			raw((byte) ',');
		}
	}

	private void attribute(String name, AttributeValue value) {
		separate();
		string(name);
		raw((byte) ':');
		value(value);
	}

	private void value(AttributeValue value) {
		switch (value.type()) {
			case S -> {
				raw(S);
				string(value.s());
				raw((byte) '}');
			}
			case N -> {
				raw(N);
				string(value.n());
				raw((byte) '}');
			}
			case B -> {
				raw(B);
				raw(Base64.getEncoder().encode(value.b().asByteArrayUnsafe()));
				raw((byte) '"');
				raw((byte) '}');
			}
			case BOOL -> raw(value.bool() ? TRUE : FALSE);
			case NUL -> raw(NUL);
			case SS -> strings(SS, value.ss());
			case NS -> strings(NS, value.ns());
			case BS -> {
				raw(BS);
				for (SdkBytes element : value.bs()) {
					separate();
					raw((byte) '"');
					raw(Base64.getEncoder().encode(element.asByteArrayUnsafe()));
					raw((byte) '"');
				}
				raw((byte) ']');
				raw((byte) '}');
			}
			case M -> {
				raw(M);
				item(value.m());
				raw((byte) '}');
			}
			case L -> {
				raw(L);
				for (AttributeValue element : value.l()) {
					separate();
					value(element);
				}
				raw((byte) ']');
				raw((byte) '}');
			}
			default -> throw new IllegalArgumentException("An attribute value of unknown type: " + value);
		}
	}

	private void strings(byte[] start, List<String> strings) {
		raw(start);
		for (String string : strings) {
			separate();
			string(string);
		}
		raw((byte) ']');
		raw((byte) '}');
	}

	/** A JSON string: quoted, escaped, UTF-8. */
	private void string(String text) {
		int chars = text.length();
		ensure(chars * 6L + 2); // the most a char takes: a six-character escape
		byte[] out = bytes;
		int at = length;
		out[at++] = '"';
		for (int i = 0; i < chars; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				if (c >= 0x20 && c != '"' && c != '\\') {
					out[at++] = (byte) c;
				}
				else {
					at = escape(out, at, c);
				}
			}
			else if (c < 0x800) {
				out[at++] = (byte) (0xC0 | (c >> 6));
				out[at++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (!Character.isSurrogate(c)) {
				out[at++] = (byte) (0xE0 | (c >> 12));
				out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				out[at++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (Character.isHighSurrogate(c) && i + 1 < chars && Character.isLowSurrogate(text.charAt(i + 1))) {
				int code = Character.toCodePoint(c, text.charAt(++i));
				out[at++] = (byte) (0xF0 | (code >> 18));
				out[at++] = (byte) (0x80 | ((code >> 12) & 0x3F));
				out[at++] = (byte) (0x80 | ((code >> 6) & 0x3F));
				out[at++] = (byte) (0x80 | (code & 0x3F));
			}
			else { // a lone surrogate, as Jackson's generator writes it: escaped
				out[at++] = '\\';
				out[at++] = 'u';
				out[at++] = HEX[c >> 12];
				out[at++] = HEX[(c >> 8) & 0xF];
				out[at++] = HEX[(c >> 4) & 0xF];
				out[at++] = HEX[c & 0xF];
			}
		}
		out[at++] = '"';
		length = at;
	}

	private static int escape(byte[] out, int at, char c) {
		out[at++] = '\\';
		switch (c) {
			case '"', '\\' -> out[at++] = (byte) c;
			case '\b' -> out[at++] = 'b';
			case '\t' -> out[at++] = 't';
			case '\n' -> out[at++] = 'n';
			case '\f' -> out[at++] = 'f';
			case '\r' -> out[at++] = 'r';
			default -> {
				out[at++] = 'u';
				out[at++] = '0';
				out[at++] = '0';
				out[at++] = HEX[c >> 4];
				out[at++] = HEX[c & 0xF];
			}
		}
		return at;
	}

	private void raw(byte b) {
		if (length == bytes.length) {
			ensure(1);
		}
		bytes[length++] = b;
	}

	private void raw(byte[] b) {
		ensure(b.length);
		System.arraycopy(b, 0, bytes, length, b.length);
		length += b.length;
	}

	private void ensure(long more) {
		long needed = length + more;
		if (needed > bytes.length) {
			if (needed > Integer.MAX_VALUE - 16) {
				throw new IllegalStateException("A request body over 2 GB");
			}
			bytes = Arrays.copyOf(bytes, (int) Math.max(needed, Math.min(2L * bytes.length, Integer.MAX_VALUE - 16)));
		}
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
