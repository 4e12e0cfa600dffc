package io.dynamomigrate.job;

import java.util.ArrayList;
import java.util.List;

import io.dynamomigrate.mapping.yaml.RedactedMappingText;

/**
 * What changed between two versions of a mapping file, as numbered lines removed
 * ({@code -}) and added ({@code +}), from a longest-common-subsequence line diff. The
 * stored version has its secrets redacted (see {@link RedactedMappingText}), so the
 * comparison redacts the current version the same way. Thread-safe.
 */
public final class MappingDiff {

	private MappingDiff() {
	}

	/**
	 * The mapping text with every secret replaced, for storing and showing
	 * ({@link RedactedMappingText}).
	 */
	public static String redact(String text) {
		return RedactedMappingText.of(text);
	}

	/**
	 * The changed lines, at most {@code max} of them (and a last line saying how many
	 * more there are).
	 * @param before the stored (redacted) text
	 * @param after the current text (redacted here)
	 */
	public static List<String> changes(String before, String after, int max) {
		String[] a = before.split("\\R", -1);
		String[] b = redact(after).split("\\R", -1);
		int[][] common = new int[a.length + 1][b.length + 1];
		for (int i = a.length - 1; i >= 0; i--) {
			for (int j = b.length - 1; j >= 0; j--) {
				common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1
						: Math.max(common[i + 1][j], common[i][j + 1]);
			}
		}
		List<String> changes = new ArrayList<>();
		int i = 0;
		int j = 0;
		while (i < a.length || j < b.length) {
			if (i < a.length && j < b.length && a[i].equals(b[j])) {
				i++;
				j++;
			}
			else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
				changes.add("- line " + (i + 1) + ": " + a[i]);
				i++;
			}
			else {
				changes.add("+ line " + (j + 1) + ": " + b[j]);
				j++;
			}
		}
		if (changes.size() > max) {
			int more = changes.size() - max;
			changes = new ArrayList<>(changes.subList(0, max));
			changes.add("(" + more + " more changed lines)");
		}
		return changes;
	}

}
