package io.dynamomigrate.transform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;

import io.dynamomigrate.mapping.AttributeType;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts source values to text and to DynamoDB attribute values. Timestamps without a zone are taken as UTC and
 * written as ISO-8601 with {@code Z}; numbers stay {@code BigDecimal}; binary is base64 in text. Thread-safe.
 */
public final class Values {

	private static final DateTimeFormatter UTC_TIMESTAMP = DateTimeFormatter
		.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT);

	private Values() {
	}

	/** The text of a source value, as it appears inside templates and S attributes. */
	public static String text(Object value) {
		if (value instanceof BigDecimal number) {
			return number.stripTrailingZeros().toPlainString();
		}
		if (value instanceof LocalDateTime timestamp) {
			return timestamp(timestamp);
		}
		if (value instanceof OffsetDateTime timestamp) {
			return timestamp(timestamp.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
		}
		if (value instanceof OffsetTime time) {
			return time.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime() + "Z";
		}
		if (value instanceof LocalDate || value instanceof LocalTime) {
			return value.toString();
		}
		if (value instanceof byte[] bytes) {
			return Base64.getEncoder().encodeToString(bytes);
		}
		return value.toString();
	}

	private static String timestamp(LocalDateTime timestamp) {
		LocalDateTime millis = timestamp.withNano(timestamp.getNano() / 1_000_000 * 1_000_000);
		return UTC_TIMESTAMP.format(millis);
	}

	/** The type a single-column template takes when the mapping declares none. */
	public static AttributeType inferredType(Object value) {
		if (value instanceof BigDecimal || value instanceof Integer || value instanceof Long) {
			return AttributeType.N;
		}
		if (value instanceof Boolean) {
			return AttributeType.BOOL;
		}
		if (value instanceof byte[]) {
			return AttributeType.B;
		}
		return AttributeType.S;
	}

	/**
	 * Converts a value to an attribute of the given scalar type.
	 * @throws IllegalArgumentException with a phrase that completes "the value …"
	 */
	public static AttributeValue attribute(Object value, AttributeType type) {
		return switch (type) {
			case S -> AttributeValue.fromS(text(value));
			case N -> AttributeValue.fromN(DynamoNumbers.normalise(value instanceof BigDecimal number ? number
					: DynamoNumbers.parse(text(value))));
			case B -> AttributeValue.fromB(SdkBytes.fromByteArray(binary(value)));
			case BOOL -> AttributeValue.fromBool(bool(value));
			case L, M -> throw new IllegalArgumentException("cannot be written as " + type);
		};
	}

	private static byte[] binary(Object value) {
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
