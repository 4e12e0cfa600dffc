package io.dynamomigrate.mapping.model;

import java.util.Locale;

/**
 * A secret value (a password). Its {@link #toString()} never reveals it, so it can't leak
 * through logs, reports or exception messages (DESIGN.md invariant 8).
 */
public final class Secret {

	/** What a URL's user info and password parameters become. */
	static final String MASK = "****";

	private final String value;

	public Secret(String value) {
		this.value = value;
	}

	/**
	 * Whether a mapping key names a secret value: its name contains password, secret or
	 * token (any case).
	 */
	public static boolean isSecretKey(String key) {
		String name = key.toLowerCase(Locale.ROOT);
		return name.contains("password") || name.contains("secret") || name.contains("token");
	}

	/** The secret itself, for the one place that needs it (the JDBC driver). */
	public String reveal() {
		return value;
	}

	/**
	 * A URL (JDBC or http) for messages: the user info of its authority
	 * ({@code scheme://user:pass@host}, {@code jdbc:oracle:thin:user/pass@host}) and the
	 * value of every parameter whose name names a secret ({@code ?password=…},
	 * {@code ;password=…}, {@code &sslpassword=…}, {@code pwd}; see {@link #isSecretKey})
	 * become {@code ****}. Text that is not a URL comes back unchanged.
	 */
	public static String redactUrl(String url) {
		StringBuilder text = new StringBuilder(url);
		int authority = url.indexOf("://");
		if (authority >= 0) {
			authority += 3;
			int end = indexOfAny(url, "/?#;", authority);
			int at = url.lastIndexOf('@', end - 1);
			if (at >= authority) {
				text.replace(authority, at, MASK);
			}
		}
		else if (url.regionMatches(true, 0, "jdbc:oracle:", 0, 12)) {
			int credentials = url.indexOf(':', 12) + 1; // after jdbc:oracle:thin:
			int at = url.indexOf('@', credentials);
			if (credentials > 0 && at > credentials) {
				text.replace(credentials, at, MASK);
			}
		}
		return parameters(text.toString());
	}

	/**
	 * Masks the value of every {@code name=value} parameter (after {@code ?}, {@code &}
	 * or {@code ;}) of a secret.
	 */
	private static String parameters(String url) {
		StringBuilder text = new StringBuilder();
		int at = 0;
		int start = indexOfAny(url, "?;", 0);
		while (start >= 0 && start < url.length()) {
			int nameStart = start + 1;
			int equals = url.indexOf('=', nameStart);
			int next = indexOfAny(url, "&;", nameStart);
			if (equals < 0 || equals > next) { // no value
				start = next;
				continue;
			}
			int valueEnd = next;
			if (url.startsWith("{", equals + 1) && url.indexOf('}', equals) >= 0) { // ;password={a;b}
																					// (SQL
																					// Server)
				valueEnd = indexOfAny(url, "&;", url.indexOf('}', equals));
			}
			if (isSecretKey(url.substring(nameStart, equals).strip())
					|| url.substring(nameStart, equals).strip().equalsIgnoreCase("pwd")) {
				text.append(url, at, equals + 1).append(MASK);
				at = valueEnd;
			}
			start = valueEnd;
		}
		return text.append(url.substring(Math.min(at, url.length()))).toString();
	}

	/**
	 * The first index of any of the characters at or after {@code from}, or the length of
	 * the text.
	 */
	private static int indexOfAny(String text, String characters, int from) {
		for (int i = from; i < text.length(); i++) {
			if (characters.indexOf(text.charAt(i)) >= 0) {
				return i;
			}
		}
		return text.length();
	}

	@Override
	public String toString() {
		return MASK;
	}

}
