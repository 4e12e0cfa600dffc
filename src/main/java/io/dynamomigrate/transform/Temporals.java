package io.dynamomigrate.transform;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Dates and times: formatting with a pattern in UTC and conversion to epoch seconds and
 * milliseconds. Timestamps without a zone are taken as UTC; timestamps with an offset are
 * converted to UTC; dates count from midnight UTC. Text values are parsed as ISO-8601
 * ({@code 2024-03-01}, {@code 2024-03-01T10:15:30}, with or without an offset).
 * Thread-safe.
 */
final class Temporals {

	/**
	 * Formatters by pattern, parsed once: patterns come only from mapping files, so there
	 * are few.
	 */
	private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();

	private Temporals() {
	}

	/** Whether a value is a date, time or timestamp (not text). */
	static boolean isTemporal(Object value) {
		return value instanceof TemporalAccessor;
	}

	/**
	 * The value as a point in time; {@code LocalDateTime} as UTC, {@code LocalDate} at
	 * midnight UTC.
	 */
	static Instant instant(@Nullable Object value) {
		Object temporal = value instanceof String text ? parse(text) : value;
		if (temporal instanceof Instant instant) {
			return instant;
		}
		if (temporal instanceof OffsetDateTime timestamp) {
			return timestamp.toInstant();
		}
		if (temporal instanceof ZonedDateTime timestamp) {
			return timestamp.toInstant();
		}
		if (temporal instanceof LocalDateTime timestamp) {
			return timestamp.toInstant(ZoneOffset.UTC);
		}
		if (temporal instanceof LocalDate date) {
			return date.atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		throw new IllegalArgumentException("is not a date or timestamp");
	}

	static BigDecimal epochSeconds(Object value) {
		return BigDecimal.valueOf(instant(value).getEpochSecond());
	}

	static BigDecimal epochMillis(Object value) {
		return BigDecimal.valueOf(instant(value).toEpochMilli());
	}

	/** The value formatted with a DateTimeFormatter pattern, timestamps in UTC. */
	static String format(Object value, String pattern) {
		Object temporal = value instanceof String text ? parse(text) : value;
		DateTimeFormatter formatter = FORMATTERS.computeIfAbsent(pattern,
				(p) -> DateTimeFormatter.ofPattern(p, Locale.ROOT));
		try {
			if (temporal instanceof LocalDate || temporal instanceof LocalTime) {
				return formatter.format((TemporalAccessor) temporal);
			}
			if (temporal instanceof OffsetTime time) {
				return formatter.format(time.withOffsetSameInstant(ZoneOffset.UTC));
			}
			return formatter.format(instant(temporal).atOffset(ZoneOffset.UTC));
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("cannot be formatted with '" + pattern + "' (" + ex.getMessage() + ")");
		}
	}

	private static @Nullable Object parse(String text) {
		String trimmed = text.trim();
		for (java.util.function.Function<String, Object> parser : java.util.List.<java.util.function.Function<String, Object>>of(
				OffsetDateTime::parse, LocalDateTime::parse, LocalDate::parse, LocalTime::parse)) {
			try {
				return parser.apply(trimmed);
			}
			catch (DateTimeParseException ex) {
				// try the next form
			}
		}
		throw new IllegalArgumentException("is not an ISO-8601 date or timestamp");
	}

}
