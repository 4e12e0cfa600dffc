package io.dynamomigrate.mapping.validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.dynamomigrate.mapping.model.AttributeSpec;
import io.dynamomigrate.mapping.model.ItemSpec;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.model.UnmappedColumns;

/**
 * What a valid mapping does that its author may not expect, said before anything runs
 * ({@code validate}, {@code run}, {@code dry-run}), as
 * {@code file:line:column: Warning: ...}. Today: {@code unmappedColumns} keeps no column
 * that a template or {@code when} reads, so a column read only to build another attribute
 * ({@code pk: "C#${category}"}) is not in the item under its own name.
 */
public final class MappingWarnings {

	private MappingWarnings() {
	}

	/** The warnings of a mapping, in file order. */
	public static List<String> of(MappingSpec mapping) {
		List<String> warnings = new ArrayList<>();
		for (ItemSpec item : mapping.items()) {
			UnmappedColumns rule = item.rules().unmappedColumns();
			if (rule.mode() != UnmappedColumns.Mode.ATTRIBUTES) {
				// as: map gathers the rest of a record into a document; reading a column
				// elsewhere is the point
				continue;
			}
			Set<String> named = new LinkedHashSet<>();
			Set<String> consumed = new LinkedHashSet<>();
			collect(item.attributes(), named, consumed);
			consumed.removeIf((c) -> named.contains(c.toLowerCase(Locale.ROOT))
					|| rule.exclude().stream().anyMatch((e) -> e.equalsIgnoreCase(c)));
			if (consumed.isEmpty()) {
				continue;
			}
			String where = rule.location().line() > 0 ? mapping.file() + ":" + rule.location()
					: mapping.file().toString();
			warnings.add(where + ": Warning: item `" + item.name()
					+ "`: unmappedColumns keeps only the columns that no " + "template or `when` reads, so "
					+ String.join(", ", consumed) + (consumed.size() == 1 ? " is" : " are")
					+ " not kept as attributes of their own. To keep them, list them as attributes: "
					+ String.join(", ", consumed.stream().map((c) -> c + ": \"${" + c + "}\"").toList()) + ".");
		}
		return warnings;
	}

	/**
	 * The top-level attribute names (lower case) and the columns that templates and
	 * conditions read.
	 */
	private static void collect(List<AttributeSpec> attributes, Set<String> named, Set<String> consumed) {
		for (AttributeSpec attribute : attributes) {
			named.add(attribute.name().toLowerCase(Locale.ROOT));
			consumed.addAll(attribute.value().columns());
			if (attribute.when() != null) {
				consumed.add(attribute.when().column());
			}
			collectNested(attribute.nested(), consumed);
		}
	}

	private static void collectNested(List<AttributeSpec> attributes, Set<String> consumed) {
		for (AttributeSpec attribute : attributes) {
			consumed.addAll(attribute.value().columns());
			if (attribute.when() != null) {
				consumed.add(attribute.when().column());
			}
			collectNested(attribute.nested(), consumed);
		}
	}

}
