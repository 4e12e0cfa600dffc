package io.dynamomigrate.transform;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.dynamomigrate.mapping.model.AttributeType;
import io.dynamomigrate.mapping.model.ValueOptions;
import io.dynamomigrate.records.DynamoSet;
import io.dynamomigrate.records.JsonNull;
import io.dynamomigrate.records.JsonValues;
import io.dynamomigrate.records.RejectReason;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts source values to text and to DynamoDB attribute values. Timestamps without a
 * zone are taken as UTC and written as ISO-8601 with {@code Z}, at the source's precision
 * (milliseconds, microseconds or nanoseconds, as the value needs); times always with
 * seconds; numbers stay {@code BigDecimal}; binary is base64 in text; maps and lists are
 * JSON in text. Thread-safe.
 */
public final class Values {

	private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss",
			Locale.ROOT);

	private Values() {
	}

	/** Attribute values are immutable: the two booleans and NULL are shared. */
	private static final AttributeValue TRUE = AttributeValue.fromBool(true);

	private static final AttributeValue FALSE = AttributeValue.fromBool(false);

	static final AttributeValue NUL = AttributeValue.fromNul(true);

	/**
	 * The most characters the plain text of a number may have: more can never be in an
	 * item (400 KB), and a JSON number such as {@code 1e999999999} would take gigabytes.
	 */
	static final long MAX_NUMBER_TEXT = ItemSizes.MAX_ITEM_BYTES;

	/**
	 * The text of a source value, as it appears inside templates and S attributes.
	 * @throws ValueRejectedException (INVALID_NUMBER) for a number whose plain digits
	 * would not fit in an item
	 */
	public static String text(Object value) {
		// the usual values first, by their own (final) classes: an instanceof of an
		// interface (Map, List below) scans the class's interfaces, and threads that
		// check one class against different interfaces contend for its one-entry cache
		if (value instanceof String text) {
			return text;
		}
		if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
			return value.toString();
		}
		if (value instanceof BigDecimal number) {
			// an integer (every integer column) is its own plain text; only a scale can
			// hold trailing zeros
			if (number.scale() == 0) {
				return number.toString();
			}
			BigDecimal stripped = number.stripTrailingZeros();
			if (Math.abs((long) stripped.scale()) + stripped.precision() > MAX_NUMBER_TEXT) {
				throw new ValueRejectedException(RejectReason.INVALID_NUMBER, "is " + stripped + ", a number whose "
						+ "digits would not fit in an item (DynamoDB numbers are from 1E-130 to 9.99…E+125)");
			}
			return stripped.toPlainString();
		}
		if (value instanceof LocalDateTime timestamp) {
			return timestamp(timestamp);
		}
		if (value instanceof OffsetDateTime || value instanceof ZonedDateTime || value instanceof Instant) {
			return timestamp(LocalDateTime.ofInstant(Temporals.instant(value), ZoneOffset.UTC));
		}
		if (value instanceof OffsetTime time) {
			return time(time.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime()) + "Z";
		}
		if (value instanceof LocalTime time) {
			return time(time);
		}
		if (value instanceof LocalDate) {
			return value.toString();
		}
		if (value instanceof byte[] bytes) {
			return Base64.getEncoder().encodeToString(bytes);
		}
		if (value instanceof Map<?, ?> || value instanceof List<?>) {
			return JsonValues.write(value);
		}
		return value.toString();
	}

	/**
	 * The text of a value as a reject shows it: {@link #text}, except that a number too
	 * long to write out keeps its exponent ({@code 1E+999999999}). Never throws for a
	 * number.
	 */
	public static String excerpt(Object value) {
		if (value instanceof BigDecimal number && number.scale() != 0) {
			BigDecimal stripped = number.stripTrailingZeros();
			if (Math.abs((long) stripped.scale()) + stripped.precision() > 1000) {
				return stripped.toString();
			}
		}
		return text(value);
	}

	/**
	 * {@code uuuu-MM-dd'T'HH:mm:ss.fff'Z'}: the fraction in as many groups of three
	 * digits as the value needs to be exact (milliseconds, microseconds or nanoseconds),
	 * at least milliseconds; never rounded.
	 */
	private static String timestamp(LocalDateTime timestamp) {
		int year = timestamp.getYear();
		if (year < 0 || year > 9999) { // a sign or a fifth digit: the formatter's rules
			return UTC_SECONDS.format(timestamp) + fraction(timestamp.getNano(), 3) + "Z";
		}
		// without the formatter's per-field machinery: once per timestamp of a load
		int fraction = fractionDigits(timestamp.getNano(), 3);
		char[] text = new char[21 + fraction];
		digits(text, 0, year, 4);
		text[4] = '-';
		digits(text, 5, timestamp.getMonthValue(), 2);
		text[7] = '-';
		digits(text, 8, timestamp.getDayOfMonth(), 2);
		text[10] = 'T';
		digits(text, 11, timestamp.getHour(), 2);
		text[13] = ':';
		digits(text, 14, timestamp.getMinute(), 2);
		text[16] = ':';
		digits(text, 17, timestamp.getSecond(), 2);
		text[19] = '.';
		digits(text, 20, timestamp.getNano() / POWERS[fraction], fraction);
		text[20 + fraction] = 'Z';
		return new String(text);
	}

	/**
	 * {@code HH:mm:ss}, always with seconds, and the fraction in groups of three digits
	 * when it is not zero.
	 */
	private static String time(LocalTime time) {
		char[] text = new char[8];
		digits(text, 0, time.getHour(), 2);
		text[2] = ':';
		digits(text, 3, time.getMinute(), 2);
		text[5] = ':';
		digits(text, 6, time.getSecond(), 2);
		return new String(text) + fraction(time.getNano(), 0);
	}

	/** 10^(9 - digits): the divisor of nanoseconds for a fraction of that many digits. */
	private static final int[] POWERS = { 1_000_000_000, 0, 0, 1_000_000, 0, 0, 1_000, 0, 0, 1 };

	/**
	 * 3, 6 or 9: the fewest digits in groups of three that hold the nanoseconds exactly,
	 * at least {@code min}.
	 */
	private static int fractionDigits(int nanos, int min) {
		int digits = nanos % 1_000 != 0 ? 9 : nanos % 1_000_000 != 0 ? 6 : nanos != 0 ? 3 : 0;
		return Math.max(digits, min);
	}

	private static String fraction(int nanos, int min) {
		int digits = fractionDigits(nanos, min);
		if (digits == 0) {
			return "";
		}
		char[] text = new char[digits + 1];
		text[0] = '.';
		digits(text, 1, nanos / POWERS[digits], digits);
		return new String(text);
	}

	private static void digits(char[] text, int at, int value, int width) {
		for (int i = at + width - 1; i >= at; i--) {
			text[i] = (char) ('0' + value % 10);
			value /= 10;
		}
	}

	/**
	 * The type a value takes when the mapping declares none. The reader gives each SQL
	 * type one Java type (numeric columns {@code BigDecimal}, boolean {@code Boolean},
	 * binary {@code byte[]}, JSON {@code Map} or {@code List}, arrays {@code List}), so
	 * this is the column's type: N, BOOL, B, M, L; everything else S.
	 */
	public static AttributeType inferredType(Object value) {
		if (value instanceof String) { // the usual value: before the interface checks
			return AttributeType.S;
		}
		if (value instanceof BigDecimal || value instanceof Integer || value instanceof Long) {
			return AttributeType.N;
		}
		if (value instanceof Boolean) {
			return AttributeType.BOOL;
		}
		if (value == JsonNull.VALUE) {
			return AttributeType.NULL;
		}
		if (value instanceof byte[]) {
			return AttributeType.B;
		}
		if (value instanceof DynamoSet set) { // SS, NS, BS of DynamoDB JSON file sources,
												// even when empty
			return set.type();
		}
		if (value instanceof LocalDateTime || value instanceof OffsetDateTime || value instanceof LocalDate
				|| value instanceof Instant || value instanceof ZonedDateTime || value instanceof LocalTime
				|| value instanceof OffsetTime) {
			return AttributeType.S; // final classes: before the interface checks
		}
		if (value instanceof Map<?, ?>) {
			return AttributeType.M;
		}
		if (value instanceof List<?>) {
			return AttributeType.L;
		}
		return AttributeType.S;
	}

	/**
	 * Converts a value to an attribute of the given type with default options.
	 * @throws IllegalArgumentException with a phrase that completes "the value …"
	 */
	public static AttributeValue attribute(Object value, AttributeType type) {
		AttributeValue attribute = attribute(value, type, ValueOptions.DEFAULT);
		if (attribute == null) {
			throw new ValueRejectedException(RejectReason.EMPTY_SET, "is an empty set");
		}
		return attribute;
	}

	/**
	 * Converts a value to an attribute of the given type.
	 * @return the attribute, or null for an empty set that the options omit
	 * @throws IllegalArgumentException with a phrase that completes "the value …"; a
	 * {@link ValueRejectedException} names the reject reason
	 */
	public static @Nullable AttributeValue attribute(Object value, AttributeType type, ValueOptions options) {
		if (value == JsonNull.VALUE) {
			return NUL; // JSON null is a value: NULL whatever
						// the declared type
		}
		String format = options.format();
		if (format != null && (Temporals.isTemporal(value) || value instanceof String)) {
			if (format.equals(ValueOptions.EPOCH_SECONDS)) {
				return AttributeValue.fromN(Temporals.epochSeconds(value).toPlainString());
			}
			if (format.equals(ValueOptions.EPOCH_MILLIS)) {
				return AttributeValue.fromN(Temporals.epochMillis(value).toPlainString());
			}
			value = Temporals.format(value, format);
		}
		return switch (type) {
			case S -> AttributeValue.fromS(text(value));
			case N -> AttributeValue.fromN(DynamoNumbers
				.normalise(value instanceof BigDecimal number ? number : DynamoNumbers.parse(text(value))));
			case B -> AttributeValue.fromB(SdkBytes.fromByteArray(binary(value)));
			case BOOL -> bool(value) ? TRUE : FALSE;
			case NULL -> NUL;
			case SS, NS, BS -> Sets.of(Sets.elements(value, options.split()), type, options);
			case L -> Documents.document(options.split() != null ? Sets.elements(value, options.split())
					: document(value, List.class, "a list"), 1);
			case M -> Documents.document(document(value, Map.class, "a map"), 1);
		};
	}

	/** A list or map value, parsing JSON text. */
	private static Object document(Object value, Class<?> kind, String what) {
		Object document = value instanceof String json ? JsonValues.parse(json) : value;
		if (!kind.isInstance(document)) {
			throw new IllegalArgumentException("is not " + what + (value instanceof String ? " in JSON" : ""));
		}
		return document;
	}

	static byte[] binary(Object value) {
		if (value instanceof byte[] bytes) {
			return bytes;
		}
		try {
			return Base64.getDecoder().decode(text(value).trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("is not base64 text");
		}
	}

	private static boolean bool(Object value) {
		if (value instanceof Boolean bool) {
			return bool;
		}
		String text = text(value).trim().toLowerCase(Locale.ROOT);
		return switch (text) {
			case "true", "t", "yes", "y", "1" -> true;
			case "false", "f", "no", "n", "0" -> false;
			default -> throw new IllegalArgumentException("is not a boolean (true/false, yes/no, 1/0)");
		};
	}

}
