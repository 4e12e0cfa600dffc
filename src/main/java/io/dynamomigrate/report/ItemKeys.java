package io.dynamomigrate.report;

import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Text forms of primary keys for reports, sets and comparisons:
 * {@code pk=ARTIST#1, sk=PROFILE}, attribute names sorted, binary values in base64.
 * Thread-safe.
 */
public final class ItemKeys {

	private ItemKeys() {
	}

	/** A stable text form of a key (or any flat map of scalar attributes). */
	public static String text(Map<String, AttributeValue> key) {
		StringJoiner joiner = new StringJoiner(", ");
		new TreeMap<>(key).forEach((name, value) -> joiner.add(name + "=" + scalar(value)));
		return joiner.toString();
	}

	/** The text of a scalar attribute value. */
	public static String scalar(AttributeValue value) {
		if (value.s() != null) {
			return value.s();
		}
		if (value.n() != null) {
			return value.n();
		}
		if (value.b() != null) {
			return Base64.getEncoder().encodeToString(value.b().asByteArrayUnsafe());
		}
		return value.toString();
	}

}
