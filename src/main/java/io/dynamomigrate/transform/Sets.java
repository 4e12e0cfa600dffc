package io.dynamomigrate.transform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.dynamomigrate.mapping.model.AttributeType;
import io.dynamomigrate.mapping.model.ValueOptions;
import io.dynamomigrate.records.DynamoSet;
import io.dynamomigrate.records.RejectReason;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds SS, NS and BS values from lists (SQL arrays, JSON arrays) or split text, under
 * the attribute's policies for duplicate elements and empty sets; DynamoDB refuses both,
 * so they are resolved here and never fail a batch. Numbers are compared by value
 * ({@code 1.0} equals {@code 1}), binary by content. Thread-safe.
 */
final class Sets {

	private Sets() {
	}

	/**
	 * The elements of a value: a list's elements, the parts of split text, or the value
	 * alone.
	 */
	static List<@Nullable Object> elements(Object value, @Nullable String split) {
		if (value instanceof DynamoSet set) {
			return new ArrayList<>(set.elements());
		}
		if (value instanceof java.util.Collection<?> list) {
			return new ArrayList<>(list);
		}
		if (split != null) {
			String text = Values.text(value);
			List<@Nullable Object> parts = new ArrayList<>();
			if (text.isBlank()) {
				return parts;
			}
			for (String part : text.split(Pattern.quote(split), -1)) {
				parts.add(part.strip());
			}
			return parts;
		}
		List<@Nullable Object> single = new ArrayList<>();
		single.add(value);
		return single;
	}

	/**
	 * The set, or null when it is empty and the policy omits empty sets.
	 * @throws ValueRejectedException for null elements, duplicates under {@code reject},
	 * empty sets under {@code reject}, and elements that are not of the set's type
	 */
	static @Nullable AttributeValue of(List<@Nullable Object> elements, AttributeType type, ValueOptions options) {
		Map<String, Object> distinct = new LinkedHashMap<>();
		for (Object element : elements) {
			if (element == null) {
				throw new ValueRejectedException(RejectReason.INVALID_VALUE,
						"has a null element; a set cannot " + "hold null");
			}
			Object converted = convert(element, type);
			String identity = converted instanceof byte[] bytes ? Base64.getEncoder().encodeToString(bytes)
					: (String) converted;
			if (distinct.putIfAbsent(identity, converted) != null
					&& options.onDuplicateElements() == ValueOptions.DuplicateElementPolicy.REJECT) {
				throw new ValueRejectedException(RejectReason.DUPLICATE_ELEMENTS,
						"has the element " + Values.excerpt(element) + " twice, and onDuplicateElements is reject");
			}
		}
		if (distinct.isEmpty()) {
			if (options.onEmptySet() == ValueOptions.EmptySetPolicy.REJECT) {
				throw new ValueRejectedException(RejectReason.EMPTY_SET, "is an empty set, and onEmptySet is reject");
			}
			return null;
		}
		List<Object> values = new ArrayList<>(distinct.values());
		return switch (type) {
			case SS -> AttributeValue.fromSs(values.stream().map(String.class::cast).toList());
			case NS -> AttributeValue.fromNs(values.stream().map(String.class::cast).toList());
			case BS -> AttributeValue.fromBs(values.stream().map((v) -> SdkBytes.fromByteArray((byte[]) v)).toList());
			default -> throw new IllegalStateException("Not a set type: " + type);
		};
	}

	private static Object convert(Object element, AttributeType type) {
		try {
			return switch (type) {
				case SS -> Values.text(element);
				case NS -> DynamoNumbers.normalise(
						element instanceof BigDecimal number ? number : DynamoNumbers.parse(Values.text(element)));
				default -> Values.binary(element);
			};
		}
		catch (ValueRejectedException ex) {
			throw ex;
		}
		catch (IllegalArgumentException ex) {
			throw new ValueRejectedException(
					type == AttributeType.NS ? RejectReason.INVALID_NUMBER : RejectReason.INVALID_VALUE,
					"has the element " + Values.excerpt(element) + ", which " + ex.getMessage());
		}
	}

}
