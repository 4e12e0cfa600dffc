package io.dynamomigrate.records;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A column value that the source holds but that has no exact value of its type: a
 * PostgreSQL {@code NaN} or {@code Infinity} in a {@code numeric} or float column, an
 * {@code infinity} timestamp, JSON that cannot be parsed, a value the driver refuses to
 * convert. The reader keeps it in the row instead of failing the read (which would fail
 * the whole step), and the record is rejected with {@link #reason()} when the item
 * definition reads the column (DESIGN.md invariant 9: one bad value is one reject).
 * Immutable.
 *
 * @param reason the reject reason
 * @param phrase what is wrong, as a phrase completing "the column x …"
 * @param text the value as the source shows it, for the rejects file
 */
public record UnreadableValue(RejectReason reason, String phrase, String text) {

	/**
	 * {@code NaN}, {@code Infinity}, {@code -Infinity}, {@code inf} as a whole text or an
	 * element of array text.
	 */
	private static final Pattern NOT_FINITE = Pattern
		.compile("(?i)(^|[{,\\[\\s\"])[+-]?(nan|infinity|inf)($|[},\\]\\s\"])");

	/**
	 * The unreadable value for source text: a number that is not finite when the text is
	 * (or, for an array, holds) {@code NaN} or an infinity, else a value that cannot be
	 * read for the given reason.
	 * @param text the value's text as the source gives it
	 * @param why a phrase completing "the column x …" when the value is not a non-finite
	 * number
	 */
	public static UnreadableValue of(String text, String why) {
		if (NOT_FINITE.matcher(text).find()) {
			return notFinite(text);
		}
		return new UnreadableValue(RejectReason.INVALID_VALUE, why, text);
	}

	/** A number (or an array of numbers) that is {@code NaN} or infinite. */
	public static UnreadableValue notFinite(String text) {
		String what = text.trim().toLowerCase(Locale.ROOT).matches("[+-]?(nan|infinity|inf)") ? "is " + text : "is "
				+ text + ", which holds " + (text.toLowerCase(Locale.ROOT).contains("nan") ? "NaN" : "an infinity");
		return new UnreadableValue(RejectReason.NUMBER_NOT_FINITE, what + ", not a finite number; DynamoDB numbers "
				+ "are finite. Change the value in the source, or leave the column out of the item", text);
	}

	/**
	 * Whether text is {@code NaN} or an infinity ({@code Infinity}, {@code -Infinity},
	 * {@code inf}), any case.
	 */
	public static boolean isNotFinite(String text) {
		return text.trim().toLowerCase(Locale.ROOT).matches("[+-]?(nan|infinity|inf)");
	}

	@Override
	public String toString() {
		return text;
	}

}
