package io.dynamomigrate.transform;

import java.math.BigDecimal;

import io.dynamomigrate.records.RejectReason;
import io.dynamomigrate.records.UnreadableValue;

/**
 * DynamoDB's number rules: at most 38 significant digits, magnitudes from 1E-130 to
 * 9.9999999999999999999999999999999999999E+125, and the normal form DynamoDB returns (no
 * trailing zeros, no exponent). Numbers outside the rules are refused, never rounded
 * (DESIGN.md invariant 6). Thread-safe.
 */
public final class DynamoNumbers {

	static final int MAX_PRECISION = 38;

	static final int MAX_EXPONENT = 125;

	static final int MIN_EXPONENT = -130;

	private DynamoNumbers() {
	}

	/**
	 * The DynamoDB text of a number.
	 * @throws IllegalArgumentException with a sentence saying why the number cannot be
	 * stored
	 */
	public static String normalise(BigDecimal value) {
		if (value.scale() == 0 && value.precision() <= MAX_PRECISION) {
			return value.toString(); // an integer of at most 38 digits is its own normal
										// form (0 included)
		}
		BigDecimal stripped = value.stripTrailingZeros();
		if (stripped.signum() == 0) {
			return "0";
		}
		if (stripped.precision() > MAX_PRECISION) {
			throw new IllegalArgumentException(
					"has " + stripped.precision() + " significant digits; DynamoDB keeps at most 38");
		}
		int exponent = stripped.precision() - stripped.scale() - 1;
		if (exponent > MAX_EXPONENT || exponent < MIN_EXPONENT) {
			throw new IllegalArgumentException("is outside DynamoDB's range (1E-130 to 9.99…E+125 in magnitude)");
		}
		return stripped.toPlainString();
	}

	/**
	 * Parses number text exactly.
	 * @throws IllegalArgumentException when it is not a number ({@code NUMBER_NOT_FINITE}
	 * for NaN and infinities)
	 */
	public static BigDecimal parse(String text) {
		if (UnreadableValue.isNotFinite(text)) {
			throw new ValueRejectedException(RejectReason.NUMBER_NOT_FINITE,
					"is " + text.trim() + ", not a finite number; DynamoDB numbers are finite");
		}
		try {
			return new BigDecimal(text.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("is not a number");
		}
	}

	/**
	 * The bytes DynamoDB counts for a number: one per two significant digits, plus one.
	 */
	static int size(String number) {
		int significant = significantDigits(number);
		if (significant < 0) {
			BigDecimal value = new BigDecimal(number).stripTrailingZeros();
			significant = value.precision();
		}
		return (significant + 1) / 2 + 1;
	}

	/**
	 * The significant digits of plain number text ({@code [+-]digits[.digits]}): from the
	 * first non-zero digit to the last, 1 for zero, as
	 * {@code stripTrailingZeros().precision()} counts them; -1 for any other text (an
	 * exponent, or not a number), which {@code BigDecimal} then reads.
	 */
	private static int significantDigits(String number) {
		int length = number.length();
		int i = length > 0 && (number.charAt(0) == '-' || number.charAt(0) == '+') ? 1 : 0;
		int position = 0;
		int first = -1;
		int last = -1;
		boolean point = false;
		for (; i < length; i++) {
			char c = number.charAt(i);
			if (c >= '0' && c <= '9') {
				if (c != '0') {
					if (first < 0) {
						first = position;
					}
					last = position;
				}
				position++;
			}
			else if (c == '.' && !point) {
				point = true;
			}
			else {
				return -1;
			}
		}
		if (position == 0) {
			return -1;
		}
		return first < 0 ? 1 : last - first + 1;
	}

}
