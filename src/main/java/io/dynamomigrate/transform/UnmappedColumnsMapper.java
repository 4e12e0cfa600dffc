package io.dynamomigrate.transform;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.dynamomigrate.mapping.model.AttributeSpec;
import io.dynamomigrate.mapping.model.ItemSpec;
import io.dynamomigrate.mapping.model.UnmappedColumns;
import io.dynamomigrate.records.SourcePosition;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Adds the columns that no attribute reads to an item, as attributes of their own or
 * gathered into one map ({@code unmappedColumns}). A column is "used" when a template or
 * {@code when} condition of the item definition reads it. Null values are left out.
 * Attribute names are the column labels, lower-cased when the database reports them all
 * in upper case (H2, Oracle), so the same mapping gives the same names on every database.
 * An explicit attribute of the same name wins. Thread-safe.
 */
final class UnmappedColumnsMapper {

	private final UnmappedColumns rule;

	private final Set<String> used = new HashSet<>();

	UnmappedColumnsMapper(ItemSpec spec) {
		this.rule = spec.rules().unmappedColumns();
		collect(spec.attributes());
		for (String column : rule.exclude()) {
			used.add(column.toLowerCase(Locale.ROOT));
		}
	}

	private void collect(List<AttributeSpec> attributes) {
		for (AttributeSpec attribute : attributes) {
			attribute.value().columns().forEach((c) -> used.add(c.toLowerCase(Locale.ROOT)));
			if (attribute.when() != null) {
				used.add(attribute.when().column().toLowerCase(Locale.ROOT));
			}
			collect(attribute.nested());
		}
	}

	void add(Map<String, AttributeValue> item, Map<String, @Nullable Object> values, SourcePosition position) {
		if (rule.mode() == UnmappedColumns.Mode.DROP) {
			return;
		}
		Map<String, Object> columns = new LinkedHashMap<>();
		for (Map.Entry<String, @Nullable Object> column : values.entrySet()) {
			if (column.getValue() != null && !used.contains(column.getKey().toLowerCase(Locale.ROOT))) {
				columns.put(name(column.getKey()), column.getValue());
			}
		}
		if (rule.mode() == UnmappedColumns.Mode.MAP) {
			Map<String, AttributeValue> map = new LinkedHashMap<>();
			columns.forEach((name, value) -> {
				AttributeValue converted = convert(rule.mapAttribute() + "." + name, value, position);
				if (converted != null) {
					map.put(name, converted);
				}
			});
			item.putIfAbsent(rule.mapAttribute(), AttributeValue.fromM(map));
			return;
		}
		columns.forEach((name, value) -> {
			AttributeValue converted = item.containsKey(name) ? null : convert(name, value, position);
			if (converted != null) {
				item.put(name, converted);
			}
		});
	}

	/**
	 * The attribute with the default value options (an empty set is omitted); null when
	 * it is omitted.
	 */
	private static @Nullable AttributeValue convert(String name, Object value, SourcePosition position) {
		return AttributeBuilder.convert(name, value, Values.inferredType(value), null, position);
	}

	static String name(String label) {
		return label.equals(label.toUpperCase(Locale.ROOT)) ? label.toLowerCase(Locale.ROOT) : label;
	}

}
