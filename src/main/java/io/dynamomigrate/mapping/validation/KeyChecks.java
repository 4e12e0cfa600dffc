package io.dynamomigrate.mapping.validation;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import io.dynamomigrate.mapping.model.AttributeSpec;
import io.dynamomigrate.mapping.model.AttributeType;
import io.dynamomigrate.mapping.model.IndexSpec;
import io.dynamomigrate.mapping.model.ItemSpec;
import io.dynamomigrate.mapping.model.KeySpec;
import io.dynamomigrate.mapping.model.Location;
import io.dynamomigrate.mapping.model.NullPolicy;
import io.dynamomigrate.mapping.model.TableSpec;
import io.dynamomigrate.mapping.model.UnmappedColumns;
import org.jspecify.annotations.Nullable;

/**
 * Checks that an item definition produces its table's key attributes with the table's key
 * types, and the key attributes of every global secondary index unless it declares them
 * optional ({@code optionalIndexKeys}); index key attributes cannot be written as
 * {@code NULL}. Not thread-safe.
 */
final class KeyChecks {

	private final Problems problems;

	private final Function<Object, Location> where;

	KeyChecks(Problems problems, Function<Object, Location> where) {
		this.problems = problems;
		this.where = where;
	}

	void keys(ItemSpec item, TableSpec table) {
		key(item, table.partitionKey(), "partition key of table " + table.name(), true);
		key(item, table.sortKey(), "sort key of table " + table.name(), true);
		Set<String> indexKeys = new HashSet<>();
		boolean unmapped = item.rules().unmappedColumns().mode() == UnmappedColumns.Mode.ATTRIBUTES;
		for (IndexSpec index : table.globalSecondaryIndexes()) {
			for (KeySpec key : new KeySpec[] { index.partitionKey(), index.sortKey() }) {
				if (key != null) {
					indexKeys.add(key.name());
					boolean optional = unmapped || item.rules().optionalIndexKeys().contains(key.name());
					key(item, key,
							(key == index.partitionKey() ? "partition" : "sort") + " key of index " + index.name(),
							!optional);
				}
			}
		}
		for (String optional : item.rules().optionalIndexKeys()) {
			if (!indexKeys.contains(optional)) {
				problems.add(where.apply(item), ProblemCode.UNKNOWN_REFERENCE,
						"optionalIndexKeys of item `" + item.name() + "` names `" + optional
								+ "`, which is no key attribute of an index of table " + table.name() + ".",
						indexKeys.isEmpty() ? "Remove optionalIndexKeys."
								: "Use index key attributes: " + String.join(", ", new TreeSet<>(indexKeys)) + ".");
			}
		}
	}

	private void key(ItemSpec item, @Nullable KeySpec key, String role, boolean required) {
		if (key == null) {
			return;
		}
		AttributeSpec attribute = item.attributes()
			.stream()
			.filter((a) -> a.name().equals(key.name()))
			.findFirst()
			.orElse(null);
		if (attribute == null) {
			if (required) {
				problems.add(where.apply(item), ProblemCode.KEY_MISMATCH,
						"Item `" + item.name() + "` does not produce `" + key.name() + "`, the " + role + ".",
						role.contains("index")
								? "Add `" + key.name() + ": \"...\"` to its attributes, or list it under "
										+ "`optionalIndexKeys` if its items are not in that index."
								: "Add `" + key.name() + ": \"...\"` to its attributes.");
			}
			return;
		}
		if (!key.type().isKeyType()) {
			return; // the table's key type is reported where it is declared
		}
		if (attribute.type() != null && attribute.type() != key.type()) {
			problems.add(where.apply(attribute), ProblemCode.KEY_MISMATCH,
					"`" + key.name() + "` is the " + role + " of type " + key.type() + ", but item `" + item.name()
							+ "` declares it as " + attribute.type() + ".",
					"Declare `type: " + key.type() + "` or remove the type.");
		}
		else if (attribute.type() == null && AttributeChecks.templateType(attribute.value()) != null
				&& AttributeChecks.templateType(attribute.value()) != key.type()) {
			// text and several columns make a string (S); only a single column passes its
			// own type through
			problems.add(where.apply(attribute), ProblemCode.KEY_MISMATCH,
					"`" + key.name() + "` is the " + role + " of type " + key.type() + ", but item `" + item.name()
							+ "` makes it "
							+ (AttributeChecks.templateType(attribute.value()) == AttributeType.S ? "a string"
									: "a number")
							+ " from \"" + attribute.value().source() + "\".",
					"Declare `type: " + key.type() + "` (the text must then be a " + key.type()
							+ " value), or use a single ${column}.");
		}
		if (role.contains("index") && attribute.onNull() == NullPolicy.NULL) {
			problems.add(where.apply(attribute), ProblemCode.KEY_MISMATCH,
					"`" + key.name() + "` is the " + role + "; DynamoDB refuses a NULL value there.",
					"Remove `onNull: null`; a null value is then left out " + "and the item is not in the index.");
		}
	}

	/**
	 * A file source: a path, a known format, CSV options that make sense, key columns.
	 */

}
