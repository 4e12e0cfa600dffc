package io.dynamomigrate.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses value templates: literal text with {@code ${column}} references; {@code $$} is a literal {@code $}.
 * Anything that looks like an expression language ({@code #{...}}, method calls, {@code T(...)}) is refused, so a
 * mapping file cannot execute code (DESIGN.md invariant 7). Thread-safe.
 */
public final class TemplateParser {

	static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	/**
	 * Parses a template, adding problems for everything wrong with it.
	 * @return the template; on problems, the parts that could be parsed
	 */
	public Template parse(String text, Location location, Problems problems) {
		List<Template.Part> parts = new ArrayList<>();
		StringBuilder literal = new StringBuilder();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
				literal.append('$');
				i += 2;
			}
			else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
				int end = text.indexOf('}', i + 2);
				if (end < 0) {
					problems.add(at(location, i), ProblemCode.TEMPLATE_SYNTAX,
							"The template \"" + text + "\" opens ${ without a closing }.",
							"Close the reference: ${column_name}.");
					return new Template(text, parts, location);
				}
				String column = text.substring(i + 2, end).trim();
				if (!IDENTIFIER.matcher(column).matches()) {
					problems.add(at(location, i), ProblemCode.TEMPLATE_SYNTAX,
							"${" + column + "} is not a column name; templates only read columns and cannot "
									+ "evaluate expressions.",
							"Use ${column_name} (letters, digits and _), or compute the value in a source query.");
				}
				else {
					if (!literal.isEmpty()) {
						parts.add(new Template.Literal(literal.toString()));
						literal.setLength(0);
					}
					parts.add(new Template.ColumnRef(column));
				}
				i = end + 1;
			}
			else if (c == '#' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
				problems.add(at(location, i), ProblemCode.TEMPLATE_SYNTAX,
						"#{...} expressions are not supported in templates; a mapping file cannot run code.",
						"Use ${column_name} references and literal text only.");
				i += 2;
			}
			else {
				literal.append(c);
				i++;
			}
		}
		if (!literal.isEmpty()) {
			parts.add(new Template.Literal(literal.toString()));
		}
		return new Template(text, parts, location);
	}

	private static Location at(Location start, int offset) {
		return start.line() > 0 ? new Location(start.line(), start.column() + offset) : start;
	}

}
