package io.dynamomigrate.mapping.template;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.dynamomigrate.mapping.model.Template;
import io.dynamomigrate.mapping.model.TemplateFunction;

/**
 * A hand-written recursive-descent parser for the inside of one {@code ${...}}: a column
 * name, or a call of a {@link TemplateFunction} whose arguments are column names,
 * {@code 'quoted'} literals, whole numbers and calls. Grammar:
 * {@code expr := name | name '(' arg (',' arg)* ')'},
 * {@code arg := expr | 'text' | digits}. Nothing else is accepted. Not thread-safe (one
 * instance per reference).
 */
final class ExpressionParser {

	private final String text;

	private int position;

	ExpressionParser(String text) {
		this.text = text;
	}

	/**
	 * Parses the whole text as one expression. @throws SyntaxException when it is
	 * anything else
	 */
	Template.Expression parseWhole() {
		skipSpaces();
		if (position == text.length()) {
			throw new SyntaxException("is empty; a reference names a column.", defaultFix());
		}
		Template.Expression expression = expression();
		skipSpaces();
		if (position != text.length()) {
			throw notAllowed();
		}
		if (expression instanceof Template.Text) {
			throw new SyntaxException("is a literal; write literal text outside ${...}.", "Write the text as is.");
		}
		return expression;
	}

	private Template.Expression expression() {
		skipSpaces();
		if (position < text.length() && text.charAt(position) == '\'') {
			return quoted();
		}
		if (position < text.length() && Character.isDigit(text.charAt(position))) {
			int start = position;
			while (position < text.length() && Character.isDigit(text.charAt(position))) {
				position++;
			}
			return new Template.Text(text.substring(start, position));
		}
		String name = name();
		skipSpaces();
		if (position < text.length() && text.charAt(position) == '(') {
			return call(name);
		}
		return new Template.ColumnRef(name);
	}

	private Template.Call call(String name) {
		TemplateFunction function = TemplateFunction.named(name)
			.orElseThrow(() -> new SyntaxException(
					"calls `" + name + "`, which is not a template function; "
							+ "templates cannot evaluate expressions.",
					"Use one of the functions " + TemplateFunction.names()
							+ ", or compute the value in a source query."));
		position++; // (
		List<Template.Expression> arguments = new ArrayList<>();
		skipSpaces();
		if (position < text.length() && text.charAt(position) == ')') {
			position++;
		}
		else {
			while (true) {
				arguments.add(expression());
				skipSpaces();
				if (position < text.length() && text.charAt(position) == ',') {
					position++;
				}
				else if (position < text.length() && text.charAt(position) == ')') {
					position++;
					break;
				}
				else {
					throw notAllowed();
				}
			}
		}
		if (arguments.size() < function.minArguments() || arguments.size() > function.maxArguments()) {
			throw new SyntaxException("gives " + function.functionName() + " " + arguments.size() + " argument"
					+ (arguments.size() == 1 ? "" : "s") + ".", "Write it as " + function.example() + ".");
		}
		checkLiterals(function, arguments);
		return new Template.Call(function, arguments);
	}

	private static void checkLiterals(TemplateFunction function, List<Template.Expression> arguments) {
		switch (function) {
			case LPAD -> {
				number(function, arguments.get(1), 1, 1000, "the width");
				if (!(arguments.get(2) instanceof Template.Text pad)
						|| pad.text().codePointCount(0, pad.text().length()) != 1) {
					throw new SyntaxException("needs one quoted pad character as the third argument of lpad.",
							"Write it as " + function.example() + ".");
				}
			}
			case DATE -> {
				if (!(arguments.get(1) instanceof Template.Text pattern)) {
					throw new SyntaxException("needs a quoted pattern as the second argument of date.",
							"Write it as " + function.example() + ".");
				}
				try {
					var unused = DateTimeFormatter.ofPattern(pattern.text(), Locale.ROOT); // parsed
																							// to
																							// check
																							// it
				}
				catch (IllegalArgumentException ex) {
					throw new SyntaxException("has the date pattern '" + pattern.text() + "', which is not valid: "
							+ ex.getMessage() + ".", "Use DateTimeFormatter letters such as 'yyyy-MM-dd'.");
				}
			}
			case SHARD -> number(function, arguments.get(1), 1, 100_000, "the shard count");
			default -> {
			}
		}
	}

	private static void number(TemplateFunction function, Template.Expression argument, int min, int max, String what) {
		if (argument instanceof Template.Text literal && literal.text().matches("\\d{1,6}")) {
			int value = Integer.parseInt(literal.text());
			if (value >= min && value <= max) {
				return;
			}
		}
		throw new SyntaxException("needs " + what + " of " + function.functionName() + " as a whole number from " + min
				+ " to " + max + ".", "Write it as " + function.example() + ".");
	}

	private Template.Text quoted() {
		StringBuilder value = new StringBuilder();
		position++;
		while (position < text.length()) {
			char c = text.charAt(position++);
			if (c == '\'') {
				if (position < text.length() && text.charAt(position) == '\'') {
					value.append('\'');
					position++;
				}
				else {
					return new Template.Text(value.toString());
				}
			}
			else {
				value.append(c);
			}
		}
		throw new SyntaxException("has a quoted literal without its closing '.", "Close the literal: 'text'.");
	}

	private String name() {
		int start = position;
		while (position < text.length()
				&& (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
			position++;
		}
		String name = text.substring(start, position);
		if (!Template.IDENTIFIER.matcher(name).matches()) {
			throw notAllowed();
		}
		return name;
	}

	private SyntaxException notAllowed() {
		return new SyntaxException("is not a column name or a template function call; templates only read "
				+ "columns and cannot evaluate expressions.", defaultFix());
	}

	private static String defaultFix() {
		return "Use ${column_name} (letters, digits and _) or a function (" + TemplateFunction.names()
				+ "), or compute the value in a source query.";
	}

	private void skipSpaces() {
		while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
			position++;
		}
	}

	/** A reference that is not a column name or a function call. */
	static final class SyntaxException extends RuntimeException {

		private final String fix;

		SyntaxException(String message, String fix) {
			super(message, null, false, false);
			this.fix = fix;
		}

		String fix() {
			return fix;
		}

	}

}
