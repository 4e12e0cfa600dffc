package io.dynamomigrate.mapping.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A parsed value template: literal text, {@code ${column}} references and
 * {@code ${function(arg, ...)}} calls of the fixed functions in {@link TemplateFunction}.
 * Templates cannot call code: a reference reads a column of the current record, and a
 * call applies one of the fixed functions to columns and quoted literals.
 *
 * @param source the template text as written
 * @param parts literal, column and call parts, in order
 * @param location where the template is written
 */
public record Template(String source, List<Part> parts, Location location) {

	/** A name a template or condition can refer to: a column, or a function. */
	public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	public Template {
		parts = List.copyOf(parts);
	}

	/**
	 * An empty template, for nested definitions that have sub-attributes instead of a
	 * value.
	 */
	public static Template empty(Location location) {
		return new Template("", List.of(), location);
	}

	/** One part of a template. */
	public sealed interface Part permits Literal, ColumnRef, Call {

	}

	/** An argument of a function call. */
	public sealed interface Expression permits ColumnRef, Text, Call {

	}

	/** Literal text. */
	public record Literal(String text) implements Part {
	}

	/** A {@code ${column}} reference, or a column as a function argument. */
	public record ColumnRef(String column) implements Part, Expression {
	}

	/** A literal argument of a function call: {@code 'quoted text'} or a whole number. */
	public record Text(String text) implements Expression {
	}

	/** A call of one of the fixed functions. */
	public record Call(TemplateFunction function, List<Expression> arguments) implements Part, Expression {

		public Call {
			arguments = List.copyOf(arguments);
		}

	}

	/**
	 * Whether the template is exactly one column reference, so the column's own value and
	 * type pass through.
	 */
	public boolean isSingleColumn() {
		return parts.size() == 1 && parts.get(0) instanceof ColumnRef;
	}

	/**
	 * Whether the template is exactly one reference or call, so its value (not text)
	 * passes through.
	 */
	public boolean isSingleExpression() {
		return parts.size() == 1 && !(parts.get(0) instanceof Literal);
	}

	/** The columns the template reads, including function arguments, in order. */
	public List<String> columns() {
		List<String> columns = new ArrayList<>();
		for (Part part : parts) {
			if (part instanceof ColumnRef ref) {
				columns.add(ref.column());
			}
			else if (part instanceof Call call) {
				collect(call, columns);
			}
		}
		return columns;
	}

	private static void collect(Call call, List<String> columns) {
		for (Expression argument : call.arguments()) {
			if (argument instanceof ColumnRef ref) {
				columns.add(ref.column());
			}
			else if (argument instanceof Call inner) {
				collect(inner, columns);
			}
		}
	}

}
