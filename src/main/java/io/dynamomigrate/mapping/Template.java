package io.dynamomigrate.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed value template: literal text and {@code ${column}} references. Templates cannot call code: the only
 * thing a reference does is read a column of the current record.
 *
 * @param source the template text as written
 * @param parts literal and column parts, in order
 * @param location where the template is written
 */
public record Template(String source, List<Part> parts, Location location) {

	public Template {
		parts = List.copyOf(parts);
	}

	/** One part of a template. */
	public sealed interface Part permits Literal, ColumnRef {
	}

	/** Literal text. */
	public record Literal(String text) implements Part {
	}

	/** A {@code ${column}} reference. */
	public record ColumnRef(String column) implements Part {
	}

	/** Whether the template is exactly one column reference, so the column's own value and type pass through. */
	public boolean isSingleColumn() {
		return parts.size() == 1 && parts.get(0) instanceof ColumnRef;
	}

	/** The columns the template reads. */
	public List<String> columns() {
		List<String> columns = new ArrayList<>();
		for (Part part : parts) {
			if (part instanceof ColumnRef ref) {
				columns.add(ref.column());
			}
		}
		return columns;
	}

}
