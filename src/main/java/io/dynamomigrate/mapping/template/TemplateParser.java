package io.dynamomigrate.mapping.template;

import java.util.ArrayList;
import java.util.List;

import io.dynamomigrate.mapping.model.Location;
import io.dynamomigrate.mapping.model.Template;
import io.dynamomigrate.mapping.model.TemplateFunction;
import io.dynamomigrate.mapping.validation.ProblemCode;
import io.dynamomigrate.mapping.validation.Problems;

/**
 * Parses value templates: literal text with {@code ${column}} references and
 * {@code ${function(arg, ...)}} calls of the fixed {@link TemplateFunction}s; {@code $$}
 * is a literal {@code $}. Anything else inside {@code ${...}} (member access,
 * {@code T(...)}, {@code new}, operators) and {@code #{...}} is refused, so a mapping
 * file cannot execute code (DESIGN.md invariant 7). Each bad reference is one problem at
 * its {@code $}. Thread-safe.
 */
public final class TemplateParser {

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
				int end = closingBrace(text, i + 2);
				if (end < 0) {
					problems.add(at(location, i), ProblemCode.TEMPLATE_SYNTAX,
							"The template \"" + text + "\" opens ${ without a closing }.",
							"Close the reference: ${column_name}.");
					if (!literal.isEmpty()) {
						parts.add(new Template.Literal(literal.toString()));
					}
					return new Template(text, parts, location);
				}
				String inner = text.substring(i + 2, end);
				try {
					Template.Part part = (Template.Part) new ExpressionParser(inner).parseWhole();
					if (!literal.isEmpty()) {
						parts.add(new Template.Literal(literal.toString()));
						literal.setLength(0);
					}
					parts.add(part);
				}
				catch (ExpressionParser.SyntaxException ex) {
					problems.add(at(location, i), ProblemCode.TEMPLATE_SYNTAX,
							"${" + inner.strip() + "} " + ex.getMessage(), ex.fix());
				}
				i = end + 1;
			}
			else if (c == '#' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
				problems.add(at(location, i), ProblemCode.TEMPLATE_SYNTAX,
						"#{...} expressions are not supported in templates; a mapping file cannot run code.",
						"Use ${column_name} references, template functions and literal text only.");
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

	/**
	 * The index of the } that closes a reference starting at {@code from}, skipping
	 * quoted literals; -1 if none.
	 */
	private static int closingBrace(String text, int from) {
		boolean quoted = false;
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\'') {
				quoted = !quoted; // '' inside a literal toggles twice
			}
			else if (c == '}' && !quoted) {
				return i;
			}
		}
		return -1;
	}

	private static Location at(Location start, int offset) {
		return start.line() > 0 ? new Location(start.line(), start.column() + offset) : start;
	}

}
