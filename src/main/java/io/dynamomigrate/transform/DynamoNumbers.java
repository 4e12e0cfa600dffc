package io.dynamomigrate.transform;

import java.math.BigDecimal;

/**
 * DynamoDB's number rules: at most 38 significant digits, magnitudes from 1E-130 to
 * 9.9999999999999999999999999999999999999E+125, and the normal form DynamoDB returns (no trailing zeros, no
 * exponent). Numbers outside the rules are refused, never rounded (DESIGN.md invariant 6). Thread-safe.
 */
public final class DynamoNumbers {

	static final int MAX_PRECISION = 38;

	static final int MAX_EXPONENT = 125;

	static final int MIN_EXPONENT = -130;

	private DynamoNumbers() {
	}

	/**
	 * The DynamoDB text of a number.
	 * @throws IllegalArgumentException with a sentence saying why the number cannot be stored
	 */
	public static String normalise(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		if (stripped.signum() == 0) {
			return "0";
		}
		if (stripped.precision() > MAX_PRECISION) {
			throw new IllegalArgumentException("has " + stripped.precision()
					+ " significant digits; DynamoDB keeps at most 38");
		}
		int exponent = stripped.precision() - stripped.scale() - 1;
		if (exponent > MAX_EXPONENT || exponent < MIN_EXPONENT) {
			throw new IllegalArgumentException("is outside DynamoDB's range (1E-130 to 9.99…E+125 in magnitude)");
		}
		return stripped.toPlainString();
	}

	/** Parses number text exactly. @throws IllegalArgumentException when it is not a number */
	public static BigDecimal parse(String text) {
		try {
			return new BigDecimal(text.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("is not a number");
		}
	}

	/** The bytes DynamoDB counts for a number: one per two significant digits, plus one. */
	static int size(String number) {
		BigDecimal value = new BigDecimal(number).stripTrailingZeros();
		return (value.precision() + 1) / 2 + 1;
	}

}
