package io.dynamomigrate.mapping.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The variables of a fleet entry ({@code shard: 17}) and how they fill {@code ${name}}
 * placeholders: in the entry's name and source, and in the text of its mapping file
 * before the mapping is read, so that {@code ORDER#${shard}#${order_id}} becomes
 * {@code ORDER#17#${order_id}} (placeholders that name no variable are left for the
 * mapping: they name columns). A value may hold only characters that cannot change the
 * YAML around it (no quotes, no spaces, no {@code #}, no brackets or braces), so a
 * variable can never add keys to a mapping. Stateless.
 */
public final class FleetVariables {

	/** What a variable's name may be. */
	public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	/** What a variable's value may be made of. */
	public static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.:/@?&=+%~-]*");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

	private FleetVariables() {
	}

	/** The text with every {@code ${name}} of a variable replaced by its value. */
	public static String fill(String text, Map<String, String> variables) {
		if (variables.isEmpty() || text.indexOf("${") < 0) {
			return text;
		}
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder filled = new StringBuilder(text.length() + 16);
		while (matcher.find()) {
			String value = variables.get(matcher.group(1));
			matcher.appendReplacement(filled, Matcher.quoteReplacement(value != null ? value : matcher.group()));
		}
		return matcher.appendTail(filled).toString();
	}

	/** The placeholders of a template that name no variable, in order. */
	public static List<String> unknown(String template, Map<String, String> variables) {
		List<String> unknown = new ArrayList<>();
		Matcher matcher = PLACEHOLDER.matcher(template);
		while (matcher.find()) {
			if (!variables.containsKey(matcher.group(1))) {
				unknown.add(matcher.group(1));
			}
		}
		return unknown;
	}

	/** What is wrong with a variable, as a sentence, or null when nothing is. */
	public static @Nullable String problem(String name, String value) {
		if (!NAME.matcher(name).matches()) {
			return "The variable name `" + name + "` is not a name (letters, digits and `_`, not starting with a "
					+ "digit).";
		}
		if (!VALUE.matcher(value).matches()) {
			return "The value of variable " + name + " (`" + value + "`) may hold only letters, digits and "
					+ "_ . : / @ ? & = + % ~ -";
		}
		return null;
	}

}
