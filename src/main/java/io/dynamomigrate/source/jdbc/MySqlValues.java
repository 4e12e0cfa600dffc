package io.dynamomigrate.source.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import io.dynamomigrate.records.RejectReason;
import io.dynamomigrate.records.UnreadableValue;
import org.jspecify.annotations.Nullable;

/**
 * The values of MySQL and MariaDB columns that the drivers would change silently, read
 * exactly ({@link JdbcValues} reads every other value): zero dates, {@code TIME}
 * intervals outside a day, {@code YEAR} and {@code BIT(n)} bit fields. Stateless and
 * thread-safe.
 */
final class MySqlValues {

	private MySqlValues() {
	}

	/**
	 * MySQL's and MariaDB's zero dates ({@code 0000-00-00}), which stand for "no date"
	 * and have no calendar value.
	 */
	static boolean isZeroDate(String text) {
		return text.startsWith("0000-00-00");
	}

	static UnreadableValue zeroDate(String text) {
		return new UnreadableValue(RejectReason.INVALID_VALUE, "is " + text + ", a MySQL zero date, which has no "
				+ "calendar value (it has no ISO-8601 form). Set it to NULL in the source, or read the column with a "
				+ "`query:` that selects NULLIF(column, '0000-00-00') AS column", text);
	}

	/**
	 * A {@code TIME} value: a time of day as {@link LocalTime}; a value outside a day, as
	 * MySQL's and MariaDB's {@code TIME} (an interval from -838:59:59 to 838:59:59) and
	 * PostgreSQL's {@code 24:00:00} allow, as the database's own text (the drivers would
	 * wrap it into a day, changing it silently).
	 */
	static @Nullable Object time(@Nullable String text) {
		if (text == null) {
			return null;
		}
		try {
			return LocalTime.parse(text);
		}
		catch (DateTimeParseException ex) {
			if (DURATION.matcher(text).matches()) {
				return text;
			}
			throw new IllegalArgumentException("is " + text + ", which is not a time of day");
		}
	}

	private static final Pattern DURATION = Pattern.compile("-?\\d{1,3}:\\d{2}:\\d{2}(\\.\\d{1,9})?");

	/**
	 * MySQL's {@code YEAR} (which the drivers read as January 1st of that year by
	 * default) as its number.
	 */
	static @Nullable BigDecimal year(ResultSet rs, int i) throws SQLException {
		int year = rs.getInt(i);
		return rs.wasNull() ? null : BigDecimal.valueOf(year);
	}

	/**
	 * A {@code BIT(n)} column with n over 1 (a bit field, not a flag) as the unsigned
	 * number of its bits.
	 */
	static @Nullable BigDecimal bitField(byte @Nullable [] bits) {
		return bits == null ? null : new BigDecimal(new BigInteger(1, bits));
	}

	/**
	 * Whether a column is a bit field ({@code BIT(n)}, n over 1) rather than a boolean.
	 */
	static boolean isBitField(int sqlType, int precision) {
		return sqlType == Types.BIT && precision > 1;
	}

}
