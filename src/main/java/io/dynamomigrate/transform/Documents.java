package io.dynamomigrate.transform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.records.DynamoSet;
import io.dynamomigrate.records.JsonNull;
import io.dynamomigrate.records.RejectReason;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts maps and lists (from JSON columns, SQL arrays and JSON text) into DynamoDB M
 * and L values, element by element: text S, numbers exact N, booleans BOOL, nulls NULL,
 * binary B, maps M, lists L, dates ISO-8601 S. DynamoDB's limit of 32 nesting levels is
 * enforced: the attribute's own list or map is level 1. Thread-safe.
 */
final class Documents {

	/** DynamoDB's nesting limit for lists and maps. */
	static final int MAX_LEVELS = 32;

	private Documents() {
	}

	/**
	 * A map or list value as M or L; {@code level} is the nesting level of this document
	 * (1 for an attribute).
	 */
	static AttributeValue document(Object value, int level) {
		if (level > MAX_LEVELS) {
			throw new ValueRejectedException(RejectReason.NESTING_TOO_DEEP,
					"nests lists and maps deeper than " + "DynamoDB's " + MAX_LEVELS + " levels");
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, AttributeValue> attributes = new LinkedHashMap<>();
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				attributes.put(String.valueOf(entry.getKey()), element(entry.getValue(), level));
			}
			return AttributeValue.fromM(attributes);
		}
		if (value instanceof List<?> list) {
			List<AttributeValue> elements = new ArrayList<>(list.size());
			for (Object element : list) {
				elements.add(element(element, level));
			}
			return AttributeValue.fromL(elements);
		}
		throw new IllegalArgumentException("is not a list or map");
	}

	private static AttributeValue element(Object value, int level) {
		if (value == null || value == JsonNull.VALUE) {
			return AttributeValue.fromNul(true);
		}
		if (value instanceof Map<?, ?> || value instanceof List<?>) {
			return document(value, level + 1);
		}
		if (value instanceof DynamoSet set) { // SS, NS, BS of DynamoDB JSON file sources,
												// default set policies
			return Values.attribute(set, set.type());
		}
		if (value instanceof BigDecimal || value instanceof Number) {
			BigDecimal number = value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
			try {
				return AttributeValue.fromN(DynamoNumbers.normalise(number));
			}
			catch (IllegalArgumentException ex) {
				throw new ValueRejectedException(RejectReason.INVALID_NUMBER,
						"has the element " + value + ", which " + ex.getMessage());
			}
		}
		if (value instanceof Boolean bool) {
			return AttributeValue.fromBool(bool);
		}
		if (value instanceof byte[] bytes) {
			return AttributeValue.fromB(SdkBytes.fromByteArray(bytes));
		}
		return AttributeValue.fromS(Values.text(value));
	}

}
