package io.dynamomigrate.mapping.model;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * How many rejected records a step may have before it fails: a count
 * ({@code maxRejects: 100}) or a percentage of the records read
 * ({@code maxRejects: "1%"}). Counted per step execution; a failed step can be restarted.
 *
 * @param count the most rejects allowed, or null when {@code percent} is set (or when
 * there is no limit)
 * @param percent the most rejects allowed as a percentage of records read, or null
 */
public record RejectLimit(@Nullable Long count, @Nullable BigDecimal percent) {

	/** No limit: rejects never fail a step (the default). */
	public static final RejectLimit NONE = new RejectLimit(null, null);

	/** Whether {@code rejected} records out of {@code read} go over the limit. */
	public boolean exceeded(long rejected, long read) {
		if (count != null) {
			return rejected > count;
		}
		if (percent != null) {
			return BigDecimal.valueOf(rejected)
				.multiply(BigDecimal.valueOf(100))
				.compareTo(percent.multiply(BigDecimal.valueOf(Math.max(read, 1)))) > 0;
		}
		return false;
	}

	public boolean isLimited() {
		return count != null || percent != null;
	}

	@Override
	public String toString() {
		return count != null ? count.toString() : percent != null ? percent.toPlainString() + "%" : "none";
	}

	/**
	 * Parses {@code 100} or {@code "1%"} / {@code "0.5%"}.
	 * @throws IllegalArgumentException with a message for the mapping's problem report
	 */
	public static RejectLimit parse(String text) {
		String value = text.strip();
		try {
			if (value.endsWith("%")) {
				BigDecimal percent = new BigDecimal(value.substring(0, value.length() - 1).strip());
				if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
					throw new IllegalArgumentException("maxRejects must be a percentage from 0% to 100%, not " + text);
				}
				return new RejectLimit(null, percent);
			}
			long count = Long.parseLong(value);
			if (count < 0) {
				throw new IllegalArgumentException("maxRejects must not be negative, not " + text);
			}
			return new RejectLimit(count, null);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"maxRejects must be a count (100) or a percentage (\"1%\"), not " + text);
		}
	}

}
