package io.dynamomigrate.records;

import java.util.ArrayList;
import java.util.List;

import io.dynamomigrate.mapping.model.AttributeType;

/**
 * A set value as a DynamoDB JSON file declares it ({@code {"SS": [...]}}, {@code NS},
 * {@code BS}): its type and its elements exactly as written, duplicates and emptiness
 * included, so that the attribute's set policies ({@code onDuplicateElements},
 * {@code onEmptySet}; their defaults when the attribute is not listed) decide, never the
 * reader. Elements are text (SS), exact numbers (NS) or bytes (BS). Immutable.
 *
 * @param type SS, NS or BS
 * @param elements the elements in file order
 */
public record DynamoSet(AttributeType type, List<Object> elements) {

	public DynamoSet {
		if (!type.isSet()) {
			throw new IllegalArgumentException("Not a set type: " + type);
		}
		elements = List.copyOf(new ArrayList<>(elements));
	}

	@Override
	public String toString() {
		return JsonValues.write(elements);
	}

}
