package io.dynamomigrate.records;

/**
 * A record that cannot become an item. Spring Batch skips it (counted as a process skip)
 * and the reject is written to the rejects file with its position and reason; it never
 * fails the step by itself.
 */
public class RecordRejectedException extends RuntimeException {

	private static final int MAX_VALUE_LENGTH = 200;

	private final RejectReason reason;

	private final SourcePosition position;

	private final String attribute;

	private final String value;

	public RecordRejectedException(RejectReason reason, SourcePosition position, String attribute, String detail,
			Object value) {
		super(position + " " + attribute + ": " + detail);
		this.reason = reason;
		this.position = position;
		this.attribute = attribute;
		this.value = truncate(String.valueOf(value));
	}

	public RejectReason getReason() {
		return reason;
	}

	public SourcePosition getPosition() {
		return position;
	}

	/** The attribute that could not be built, or empty for whole-item problems. */
	public String getAttribute() {
		return attribute;
	}

	/** The offending value as text, truncated to 200 characters. */
	public String getValue() {
		return value;
	}

	/**
	 * The first 200 characters, never cutting a surrogate pair in two (which would leave
	 * half a character).
	 */
	static String truncate(String value) {
		if (value.length() <= MAX_VALUE_LENGTH) {
			return value;
		}
		int end = Character.isHighSurrogate(value.charAt(MAX_VALUE_LENGTH - 1))
				&& Character.isLowSurrogate(value.charAt(MAX_VALUE_LENGTH)) ? MAX_VALUE_LENGTH - 1 : MAX_VALUE_LENGTH;
		return value.substring(0, end) + "… (" + value.length() + " characters)";
	}

}
