package io.dynamomigrate.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.mapping.AttributeSpec;
import io.dynamomigrate.mapping.AttributeType;
import io.dynamomigrate.mapping.EmbedSpec;
import io.dynamomigrate.mapping.ItemSpec;
import io.dynamomigrate.mapping.TableSpec;
import io.dynamomigrate.mapping.Template;
import io.dynamomigrate.source.SourcePosition;
import io.dynamomigrate.source.SourceRecord;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns a source record into a DynamoDB item by an item definition: renders each attribute's template, converts it
 * to its type, applies the null policy, fills embedded lists from the record's child rows, and checks the key and
 * the item size. A record that cannot become a valid item raises {@link RecordRejectedException}. Thread-safe.
 */
public final class ItemMapper {

	private final ItemSpec spec;

	private final List<String> keyAttributes;

	public ItemMapper(ItemSpec spec, TableSpec table) {
		this.spec = spec;
		this.keyAttributes = table.keyAttributeNames();
	}

	/** The item for a record. @throws RecordRejectedException when the record cannot become a valid item */
	public MappedItem map(SourceRecord record) {
		Map<String, @Nullable Object> values = record.values();
		Map<String, AttributeValue> item = attributes(spec.attributes(), values, record.position());
		for (EmbedSpec embed : spec.embeds()) {
			item.put(embed.name(), embedded(embed, record));
		}
		Map<String, AttributeValue> key = new LinkedHashMap<>();
		for (String name : keyAttributes) {
			AttributeValue value = item.get(name);
			if (value == null || value.nul() != null) {
				throw new RecordRejectedException(RejectReason.NULL_KEY, record.position(), name,
						"key attribute is null", "null");
			}
			if ((value.s() != null && value.s().isEmpty())
					|| (value.b() != null && value.b().asByteArrayUnsafe().length == 0)) {
				throw new RecordRejectedException(RejectReason.EMPTY_KEY, record.position(), name,
						"key attribute is empty; DynamoDB refuses empty key values", "");
			}
			key.put(name, value);
		}
		long size = ItemSizes.of(item);
		if (size > ItemSizes.MAX_ITEM_BYTES) {
			throw new RecordRejectedException(RejectReason.ITEM_TOO_LARGE, record.position(), "",
					"item is " + size + " bytes; DynamoDB's limit is " + ItemSizes.MAX_ITEM_BYTES, key);
		}
		return new MappedItem(spec.table(), item, key, size, record.position());
	}

	private Map<String, AttributeValue> attributes(List<AttributeSpec> specs, Map<String, @Nullable Object> values,
			SourcePosition position) {
		Map<String, AttributeValue> item = new LinkedHashMap<>();
		for (AttributeSpec attribute : specs) {
			AttributeValue value = attribute(attribute, values, position);
			if (value != null) {
				item.put(attribute.name(), value);
			}
		}
		return item;
	}

	private @Nullable AttributeValue attribute(AttributeSpec attribute, Map<String, @Nullable Object> values,
			SourcePosition position) {
		Object raw = render(attribute.value(), values);
		if (raw == null && attribute.defaultValue() != null) {
			raw = attribute.defaultValue();
		}
		if (raw == null) {
			if (keyAttributes.contains(attribute.name())) {
				throw new RecordRejectedException(RejectReason.NULL_KEY, position, attribute.name(),
						"key attribute is null (" + attribute.value().source() + ")", "null");
			}
			return switch (attribute.onNull()) {
				case OMIT -> null;
				case NULL -> AttributeValue.fromNul(true);
				case REJECT -> throw new RecordRejectedException(RejectReason.NULL_VALUE, position,
						attribute.name(), "value is null and onNull is reject", "null");
			};
		}
		AttributeType type = attribute.type() != null ? attribute.type() : Values.inferredType(raw);
		try {
			return Values.attribute(raw, type);
		}
		catch (IllegalArgumentException ex) {
			RejectReason reason = type == AttributeType.N ? RejectReason.INVALID_NUMBER : RejectReason.INVALID_VALUE;
			throw new RecordRejectedException(reason, position, attribute.name(),
					"the value " + ex.getMessage() + " (type " + type + ")", Values.text(raw));
		}
	}

	/**
	 * The value of a template: the column's own value for a single reference (so its type passes through), the
	 * joined text otherwise; null when any referenced column is null.
	 */
	static @Nullable Object render(Template template, Map<String, @Nullable Object> values) {
		if (template.isSingleColumn()) {
			return values.get(((Template.ColumnRef) template.parts().get(0)).column());
		}
		StringBuilder text = new StringBuilder();
		for (Template.Part part : template.parts()) {
			if (part instanceof Template.Literal literal) {
				text.append(literal.text());
			}
			else if (part instanceof Template.ColumnRef ref) {
				Object value = values.get(ref.column());
				if (value == null) {
					return null;
				}
				text.append(Values.text(value));
			}
		}
		return text.toString();
	}

	private AttributeValue embedded(EmbedSpec embed, SourceRecord record) {
		List<Map<String, @Nullable Object>> rows = record.children(embed.name());
		if (rows == null) {
			throw new IllegalStateException("Child rows of " + embed.name() + " were not loaded for "
					+ record.position() + "; the step must register EmbeddedRowsLoader.");
		}
		if (rows.size() > embed.maxElements()) {
			throw new RecordRejectedException(RejectReason.TOO_MANY_ELEMENTS, record.position(), embed.name(),
					rows.size() + " child rows, more than maxElements " + embed.maxElements(), rows.size());
		}
		List<AttributeValue> elements = new ArrayList<>(rows.size());
		for (Map<String, @Nullable Object> row : rows) {
			elements.add(AttributeValue.fromM(attributes(embed.attributes(), row, record.position())));
		}
		return AttributeValue.fromL(elements);
	}

}
