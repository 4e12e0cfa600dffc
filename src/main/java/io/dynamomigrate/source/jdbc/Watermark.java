package io.dynamomigrate.source.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.dynamomigrate.mapping.model.SourceSpec;
import org.jspecify.annotations.Nullable;

/**
 * A high-water mark of an incremental column: the largest value a run saw when it
 * started, kept as text in the job's parameters ({@link #encode()}) and bound back as a
 * JDBC value of the column's kind. Immutable.
 *
 * @param kind the kind of column
 * @param text the value in ISO-8601 (date/time kinds) or plain decimal notation (numbers)
 */
public record Watermark(Kind kind, String text) {

	private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|m|h|d)?");

	/** The overlap of date/time columns when the mapping gives none. */
	public static final Duration DEFAULT_TIME_OVERLAP = Duration.ofMinutes(1);

	/** Kinds of incremental columns. */
	public enum Kind {

		/**
		 * A timestamp without time zone (bound as {@link LocalDateTime}: its wall-clock
		 * value).
		 */
		TIMESTAMP,
		/** A timestamp with time zone (bound as {@link OffsetDateTime}). */
		TIMESTAMPTZ,
		/** A date (bound as {@link LocalDate}). */
		DATE,
		/** A number, e.g. a growing id or a version (bound as {@link BigDecimal}). */
		NUMBER

	}

	/** The mark of a value read with {@code ResultSet.getObject}, or empty for null. */
	public static Optional<Watermark> of(@Nullable Object value) {
		if (value == null) {
			return Optional.empty();
		}
		if (value instanceof Timestamp timestamp) {
			return Optional.of(new Watermark(Kind.TIMESTAMP, timestamp.toLocalDateTime().toString()));
		}
		if (value instanceof LocalDateTime dateTime) {
			return Optional.of(new Watermark(Kind.TIMESTAMP, dateTime.toString()));
		}
		if (value instanceof OffsetDateTime dateTime) {
			return Optional.of(new Watermark(Kind.TIMESTAMPTZ, dateTime.toString()));
		}
		if (value instanceof Instant instant) {
			return Optional.of(new Watermark(Kind.TIMESTAMPTZ, instant.atOffset(ZoneOffset.UTC).toString()));
		}
		if (value instanceof Date date) {
			return Optional.of(new Watermark(Kind.DATE, date.toLocalDate().toString()));
		}
		if (value instanceof LocalDate date) {
			return Optional.of(new Watermark(Kind.DATE, date.toString()));
		}
		if (value instanceof Number number) {
			return Optional.of(new Watermark(Kind.NUMBER, new BigDecimal(number.toString()).toPlainString()));
		}
		throw new IllegalArgumentException("An incremental column must be a date, time or number column, not "
				+ value.getClass().getSimpleName() + " (" + value + ")");
	}

	/**
	 * The largest value of a column among a source's rows (its {@code where} applied), or
	 * empty when it has none.
	 * @throws SourceUnavailableException when the query fails
	 */
	public static Optional<Watermark> max(DataSource dataSource, SourceSpec source, String column) {
		String sql = "SELECT MAX(" + column + ") FROM " + JdbcSources.rowsClause(source);
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet rows = statement.executeQuery()) {
			rows.next();
			return of(value(rows));
		}
		catch (SQLException ex) {
			throw new SourceUnavailableException("Cannot read the high-water mark of " + source.label() + "." + column
					+ " (" + sql + "): " + ex.getMessage(), ex);
		}
	}

	/**
	 * The first column as a zone-independent value: a timestamp with time zone as
	 * {@link OffsetDateTime}, one without as {@link LocalDateTime} (its wall-clock value,
	 * whatever the JVM's zone), a date as {@link LocalDate}; so that a mark taken on one
	 * host means the same on another.
	 */
	private static @Nullable Object value(ResultSet rows) throws SQLException {
		int type = rows.getMetaData().getColumnType(1);
		String typeName = String.valueOf(rows.getMetaData().getColumnTypeName(1)).toLowerCase(Locale.ROOT);
		if (type == Types.TIMESTAMP_WITH_TIMEZONE || typeName.contains("timestamptz")
				|| typeName.contains("with time zone")) {
			return rows.getObject(1, OffsetDateTime.class);
		}
		if (type == Types.TIMESTAMP) {
			return rows.getObject(1, LocalDateTime.class);
		}
		if (type == Types.DATE) {
			return rows.getObject(1, LocalDate.class);
		}
		return rows.getObject(1);
	}

	/** Text for a job parameter: {@code KIND:value}. */
	public String encode() {
		return kind + ":" + text;
	}

	/** The mark encoded by {@link #encode()}. */
	public static Watermark decode(String encoded) {
		int colon = encoded.indexOf(':');
		return new Watermark(Kind.valueOf(encoded.substring(0, colon)), encoded.substring(colon + 1));
	}

	/** The value to bind in a query. */
	public Object jdbcValue() {
		return switch (kind) {
			case TIMESTAMP -> LocalDateTime.parse(text);
			case TIMESTAMPTZ -> OffsetDateTime.parse(text);
			case DATE -> LocalDate.parse(text);
			case NUMBER -> new BigDecimal(text);
		};
	}

	/**
	 * The instant of a date/time mark (a timestamp without zone is taken in the JVM's
	 * zone, as JDBC reads it).
	 */
	public Optional<Instant> instant() {
		return switch (kind) {
			case TIMESTAMP -> Optional.of(Timestamp.valueOf(LocalDateTime.parse(text)).toInstant());
			case TIMESTAMPTZ -> Optional.of(OffsetDateTime.parse(text).toInstant());
			case DATE -> Optional.of(LocalDate.parse(text).atStartOfDay(ZoneId.systemDefault()).toInstant());
			case NUMBER -> Optional.empty();
		};
	}

	/**
	 * The mark lowered by an overlap: {@code 90s}, {@code 5m}, {@code 1h}, {@code 2d} or
	 * {@code 250ms} for date/time columns (a number alone is seconds), a number for
	 * numeric columns; null for the default (1 minute, 0 for numbers). Dates are lowered
	 * by whole days, rounded up.
	 * @throws IllegalArgumentException when the overlap does not fit the column
	 */
	public Watermark minus(@Nullable String overlap) {
		if (kind == Kind.NUMBER) {
			if (overlap == null) {
				return this;
			}
			try {
				return new Watermark(kind,
						new BigDecimal(text).subtract(new BigDecimal(overlap.strip())).toPlainString());
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(
						"The overlap of a numeric incremental column must be a number, not '" + overlap + "'.", ex);
			}
		}
		Duration duration = overlap == null ? DEFAULT_TIME_OVERLAP : duration(overlap);
		return switch (kind) {
			case TIMESTAMP -> new Watermark(kind, LocalDateTime.parse(text).minus(duration).toString());
			case TIMESTAMPTZ -> new Watermark(kind, OffsetDateTime.parse(text).minus(duration).toString());
			case DATE -> new Watermark(kind,
					LocalDate.parse(text).minusDays((duration.toMillis() + 86_399_999) / 86_400_000).toString());
			case NUMBER -> this;
		};
	}

	/**
	 * {@code 90s}, {@code 5m}, {@code 1h}, {@code 2d}, {@code 250ms}; a number alone is
	 * seconds.
	 */
	static Duration duration(String text) {
		Matcher matcher = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
		if (!matcher.matches()) {
			throw new IllegalArgumentException("The overlap of a date/time incremental column must be a duration "
					+ "such as 90s, 5m or 1h, not '" + text + "'.");
		}
		BigDecimal amount = new BigDecimal(matcher.group(1));
		String unit = matcher.group(2) == null ? "s" : matcher.group(2);
		BigDecimal millis = switch (unit) {
			case "ms" -> amount;
			case "s" -> amount.multiply(BigDecimal.valueOf(1_000));
			case "m" -> amount.multiply(BigDecimal.valueOf(60_000));
			case "h" -> amount.multiply(BigDecimal.valueOf(3_600_000));
			default -> amount.multiply(BigDecimal.valueOf(86_400_000));
		};
		return Duration.ofMillis(millis.longValue());
	}

}
