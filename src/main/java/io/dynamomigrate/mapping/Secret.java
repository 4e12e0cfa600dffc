package io.dynamomigrate.mapping;

import java.util.regex.Pattern;

/**
 * A secret value (a password). Its {@link #toString()} never reveals it, so it can't leak through logs, reports or
 * exception messages (DESIGN.md invariant 8).
 */
public final class Secret {

	private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

	private final String value;

	public Secret(String value) {
		this.value = value;
	}

	/** The secret itself, for the one place that needs it (the JDBC driver). */
	public String reveal() {
		return value;
	}

	/** Removes {@code password=…} parameters from a JDBC URL, for messages. */
	public static String redactUrl(String url) {
		return URL_PASSWORD.matcher(url).replaceAll("$1****");
	}

	@Override
	public String toString() {
		return "****";
	}

}
