package io.dynamomigrate.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dynamomigrate.mapping.model.AttributeSpec;
import io.dynamomigrate.mapping.model.AttributeType;
import io.dynamomigrate.mapping.model.ValueOptions;
import io.dynamomigrate.records.RecordRejectedException;
import io.dynamomigrate.records.RejectReason;
import io.dynamomigrate.records.SourcePosition;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds the attributes of an item (or of a nested map, or of an embedded element) from
 * attribute definitions: {@code when} conditions, templates, defaults, null policies,
 * types and nested definitions. Thread-safe.
 */
final class AttributeBuilder {

	private final Set<String> keyAttributes;

	private final Map<String, AttributeType> typedKeys;

	/**
	 * @param keyAttributes the table's key attribute names: a null value there is a
	 * reject, not a policy
	 * @param typedKeys the key and index key attributes whose value must already have the
	 * key's type (sources whose values are typed, such as JSON): another type is an
	 * {@code INVALID_KEY_TYPE} reject, never converted
	 */
	AttributeBuilder(Set<String> keyAttributes, Map<String, AttributeType> typedKeys) {
		this.keyAttributes = Set.copyOf(keyAttributes);
		this.typedKeys = Map.copyOf(typedKeys);
	}

	Map<String, AttributeValue> attributes(List<AttributeSpec> specs, Map<String, @Nullable Object> values,
			SourcePosition position) {
		return attributes(specs, values, position, 1, true);
	}

	private Map<String, AttributeValue> attributes(List<AttributeSpec> specs, Map<String, @Nullable Object> values,
			SourcePosition position, int level, boolean top) {
		Map<String, AttributeValue> item = new LinkedHashMap<>();
		for (AttributeSpec attribute : specs) {
			if (!Conditions.holds(attribute.when(), values)) {
				continue;
			}
			AttributeValue value = attribute.isNested() ? nested(attribute, values, position, level)
					: attribute(attribute, values, position, top && keyAttributes.contains(attribute.name()), top);
			if (value != null) {
				item.put(attribute.name(), value);
			}
		}
		return item;
	}

	private AttributeValue nested(AttributeSpec attribute, Map<String, @Nullable Object> values,
			SourcePosition position, int level) {
		if (level > Documents.MAX_LEVELS) {
			throw new RecordRejectedException(RejectReason.NESTING_TOO_DEEP, position, attribute.name(),
					"nested deeper than DynamoDB's " + Documents.MAX_LEVELS + " levels", "");
		}
		Map<String, AttributeValue> members = attributes(attribute.nested(), values, position, level + 1, false);
		if (attribute.type() == AttributeType.M) {
			return AttributeValue.fromM(members);
		}
		return AttributeValue.fromL(new ArrayList<>(members.values()));
	}

	private @Nullable AttributeValue attribute(AttributeSpec attribute, Map<String, @Nullable Object> values,
			SourcePosition position, boolean key, boolean top) {
		Object raw;
		try {
			raw = TemplateEvaluator.render(attribute.value(), values);
		}
		catch (ValueRejectedException ex) {
			throw new RecordRejectedException(ex.reason(), position, attribute.name(),
					"the value " + ex.getMessage() + " (" + attribute.value().source() + ")",
					attribute.value().source());
		}
		catch (IllegalArgumentException ex) {
			throw new RecordRejectedException(RejectReason.INVALID_VALUE, position, attribute.name(),
					"the value " + ex.getMessage() + " (" + attribute.value().source() + ")",
					attribute.value().source());
		}
		if (raw == null && attribute.defaultValue() != null) {
			raw = attribute.defaultValue();
		}
		if (raw == null) {
			if (key) {
				throw new RecordRejectedException(RejectReason.NULL_KEY, position, attribute.name(),
						"key attribute is null (" + attribute.value().source() + ")", "null");
			}
			return switch (attribute.onNull()) {
				case OMIT -> null;
				case NULL -> Values.NUL;
				case REJECT -> throw new RecordRejectedException(RejectReason.NULL_VALUE, position, attribute.name(),
						"value is null and onNull is reject", "null");
			};
		}
		AttributeType declared = attribute.type();
		AttributeType keyType = top ? typedKeys.get(attribute.name()) : null;
		// the value's own type: once, and only when it is needed
		AttributeType own = declared == null || keyType != null ? Values.inferredType(raw) : declared;
		AttributeType type = declared != null ? declared : own;
		if (keyType != null && own != keyType && own != AttributeType.NULL) {
			throw new RecordRejectedException(RejectReason.INVALID_KEY_TYPE, position, attribute.name(),
					"key " + "attribute is " + own + " `" + Values.excerpt(raw) + "`, but the key is of type " + keyType
							+ "; it is not converted. To convert it, write `\"${"
							+ (keyType == AttributeType.N ? "number" : "text") + "(...)}\"` in the template ("
							+ attribute.value().source() + ")",
					Values.excerpt(raw));
		}
		return convert(attribute.name(), raw, type, attribute, position);
	}

	static @Nullable AttributeValue convert(String name, Object raw, AttributeType type, @Nullable AttributeSpec spec,
			SourcePosition position) {
		try {
			return Values.attribute(raw, type, spec == null ? ValueOptions.DEFAULT : spec.options());
		}
		catch (ValueRejectedException ex) {
			throw new RecordRejectedException(ex.reason(), position, name,
					"the value " + ex.getMessage() + " (type " + type + ")", Values.excerpt(raw));
		}
		catch (IllegalArgumentException ex) {
			RejectReason reason = type == AttributeType.N ? RejectReason.INVALID_NUMBER : RejectReason.INVALID_VALUE;
			throw new RecordRejectedException(reason, position, name,
					"the value " + ex.getMessage() + " (type " + type + ")", Values.excerpt(raw));
		}
	}

}
