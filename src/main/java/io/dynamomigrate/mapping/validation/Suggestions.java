package io.dynamomigrate.mapping.validation;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * "Did you mean …?" fixes for misspelt keys and names, by edit distance. Thread-safe (no
 * state).
 */
public final class Suggestions {

	private Suggestions() {
	}

	/** "Did you mean …?" for a misspelt key, by edit distance. */
	public static String forKey(String key, Set<String> allowed) {
		@Nullable String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : allowed) {
			int distance = distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		if (best != null && bestDistance <= Math.max(2, key.length() / 3)) {
			return "Did you mean `" + best + "`?";
		}
		return "Allowed keys here: " + String.join(", ", allowed) + ".";
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
