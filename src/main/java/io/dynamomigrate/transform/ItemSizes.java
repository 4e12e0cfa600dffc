package io.dynamomigrate.transform;

import java.util.Map;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Computes item sizes by DynamoDB's rules: the UTF-8 length of each attribute name plus
 * the size of its value (strings: UTF-8 bytes; numbers: about one byte per two
 * significant digits plus one; binary: bytes; booleans and nulls: one byte; lists and
 * maps: three bytes plus their elements plus one byte per element). These sizes decide
 * the 400 KB limit and the write capacity units an item costs. Thread-safe.
 */
public final class ItemSizes {

	/** DynamoDB's maximum item size, 400 KB. */
	public static final long MAX_ITEM_BYTES = 400 * 1024;

	private ItemSizes() {
	}

	/** The size of an item in bytes. */
	public static long of(Map<String, AttributeValue> item) {
		long size = 0;
		for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
			size += utf8(attribute.getKey()) + value(attribute.getValue());
		}
		return size;
	}

	/**
	 * The write capacity units of one put of an item of this size, without indexes: one
	 * per started KB.
	 */
	public static long writeUnits(long itemBytes) {
		return Math.max(1, (itemBytes + 1023) / 1024);
	}

	static long value(AttributeValue value) {
		return switch (value.type()) {
			case S -> utf8(value.s());
			case N -> DynamoNumbers.size(value.n());
			case B -> value.b().asByteArrayUnsafe().length;
			case BOOL, NUL -> 1;
			case SS -> value.ss().stream().mapToLong(ItemSizes::utf8).sum();
			case NS -> value.ns().stream().mapToLong(DynamoNumbers::size).sum();
			case BS -> value.bs().stream().mapToLong((SdkBytes b) -> b.asByteArrayUnsafe().length).sum();
			case L -> 3 + value.l().stream().mapToLong((v) -> 1 + value(v)).sum();
			case M ->
				3 + value.m().entrySet().stream().mapToLong((e) -> 1 + utf8(e.getKey()) + value(e.getValue())).sum();
			case UNKNOWN_TO_SDK_VERSION -> throw new IllegalArgumentException("Unknown attribute type");
		};
	}

	/**
	 * The UTF-8 length of a text, counted without encoding it (as
	 * {@code getBytes(UTF_8).length}).
	 */
	static long utf8(String text) {
		int length = text.length();
		long bytes = length;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				continue;
			}
			if (c < 0x800) {
				bytes += 1;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
				bytes += 2; // a pair: four bytes for two chars
				i++;
			}
			else if (!Character.isSurrogate(c)) {
				bytes += 2;
			} // an unpaired surrogate is encoded as '?', one byte
		}
		return bytes;
	}

}
