package io.dynamomigrate.source.jdbc;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import io.dynamomigrate.mapping.model.Location;
import io.dynamomigrate.mapping.model.SourceSpec;
import io.dynamomigrate.source.jdbc.Watermark.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Watermark}: marks of every kind of column, their job-parameter text, the JDBC
 * values they bind, the overlap that lowers them ({@link WatermarkMaxIntegrationTests}
 * reads the largest value of a column from PostgreSQL).
 */
class WatermarkTests {

	static Stream<Arguments> values() {
		return Stream.of(
				Arguments.of(Timestamp.valueOf("2024-03-01 10:15:30.5"), Kind.TIMESTAMP, "2024-03-01T10:15:30.500"),
				Arguments.of(LocalDateTime.of(2024, 3, 1, 10, 0), Kind.TIMESTAMP, "2024-03-01T10:00"),
				Arguments.of(OffsetDateTime.of(2024, 3, 1, 10, 0, 5, 0, ZoneOffset.ofHours(2)), Kind.TIMESTAMPTZ,
						"2024-03-01T10:00:05+02:00"),
				Arguments.of(Instant.parse("2024-03-01T10:00:00Z"), Kind.TIMESTAMPTZ, "2024-03-01T10:00Z"),
				Arguments.of(Date.valueOf("2024-03-01"), Kind.DATE, "2024-03-01"),
				Arguments.of(LocalDate.of(2024, 2, 29), Kind.DATE, "2024-02-29"), Arguments.of(42, Kind.NUMBER, "42"),
				Arguments.of(9_000_000_000L, Kind.NUMBER, "9000000000"),
				Arguments.of(new BigDecimal("12.50"), Kind.NUMBER, "12.50"),
				Arguments.of(new BigDecimal("1E+3"), Kind.NUMBER, "1000"));
	}

	@ParameterizedTest(name = "{1}:{2} from {0}")
	@MethodSource("values")
	void of_givesTheKindAndTheTextOfTheValue(Object value, Kind kind, String text) {
		assertThat(Watermark.of(value)).contains(new Watermark(kind, text));
	}

	@Test
	void of_null_isEmpty() {
		assertThat(Watermark.of(null)).isEmpty();
	}

	@Test
	void of_anUnsupportedType_isRefusedNamingTheTypeAndTheValue() {
		assertThatThrownBy(() -> Watermark.of("abc")).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("An incremental column must be a date, time or number column, not String (abc)");
		assertThatThrownBy(() -> Watermark.of(true)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("not Boolean (true)");
	}

	@ParameterizedTest(name = "{1}:{2} from {0}")
	@MethodSource("values")
	void encode_thenDecode_givesTheSameMark(Object value, Kind kind, String text) {
		Watermark mark = Watermark.of(value).orElseThrow();

		String encoded = mark.encode();

		assertThat(encoded).isEqualTo(kind + ":" + text);
		assertThat(Watermark.decode(encoded)).isEqualTo(mark);
	}

	@Test
	void decode_keepsTheColonsOfTheValue() {
		assertThat(Watermark.decode("TIMESTAMPTZ:2024-03-01T10:00:05+02:00"))
			.isEqualTo(new Watermark(Kind.TIMESTAMPTZ, "2024-03-01T10:00:05+02:00"));
	}

	@Test
	void jdbcValue_isAZoneIndependentValueOfTheTypeOfTheKind() {
		assertThat(new Watermark(Kind.TIMESTAMP, "2024-03-01T10:15:30.500").jdbcValue())
			.isEqualTo(LocalDateTime.of(2024, 3, 1, 10, 15, 30, 500_000_000));
		assertThat(new Watermark(Kind.TIMESTAMPTZ, "2024-03-01T10:00+02:00").jdbcValue())
			.isEqualTo(OffsetDateTime.of(2024, 3, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2)));
		assertThat(new Watermark(Kind.DATE, "2024-03-01").jdbcValue()).isEqualTo(LocalDate.of(2024, 3, 1));
		assertThat(new Watermark(Kind.NUMBER, "12.50").jdbcValue()).isEqualTo(new BigDecimal("12.50"));
	}

	@ParameterizedTest(name = "{0} lowers 10:00 to {1}")
	@CsvSource({ "90s, 2024-03-01T09:58:30", "5m, 2024-03-01T09:55", "1h, 2024-03-01T09:00", "2d, 2024-02-28T10:00",
			"250ms, 2024-03-01T09:59:59.750", "30, 2024-03-01T09:59:30", "1.5h, 2024-03-01T08:30",
			"' 5 M ', 2024-03-01T09:55" })
	void minus_lowersATimestampByTheDuration(String overlap, String expected) {
		assertThat(new Watermark(Kind.TIMESTAMP, "2024-03-01T10:00").minus(overlap))
			.isEqualTo(new Watermark(Kind.TIMESTAMP, expected));
	}

	@Test
	void minus_lowersATimestampWithZoneByTheDuration_keepingItsOffset() {
		assertThat(new Watermark(Kind.TIMESTAMPTZ, "2024-03-01T10:00+02:00").minus("90s"))
			.isEqualTo(new Watermark(Kind.TIMESTAMPTZ, "2024-03-01T09:58:30+02:00"));
	}

	@Test
	void minus_withoutOverlap_lowersTimesByOneMinute() {
		assertThat(new Watermark(Kind.TIMESTAMP, "2024-03-01T10:00").minus(null))
			.isEqualTo(new Watermark(Kind.TIMESTAMP, "2024-03-01T09:59"));
		assertThat(new Watermark(Kind.TIMESTAMPTZ, "2024-03-01T10:00Z").minus(null))
			.isEqualTo(new Watermark(Kind.TIMESTAMPTZ, "2024-03-01T09:59Z"));
	}

	@ParameterizedTest(name = "{0} lowers 2024-03-01 to {1}")
	@CsvSource({ "2d, 2024-02-28", "90s, 2024-02-29", "24h, 2024-02-29", "25h, 2024-02-28", "0, 2024-03-01" })
	void minus_lowersADateByWholeDays_roundedUp(String overlap, String expected) {
		assertThat(new Watermark(Kind.DATE, "2024-03-01").minus(overlap)).isEqualTo(new Watermark(Kind.DATE, expected));
	}

	@Test
	void minus_withoutOverlap_lowersADateByOneDay() {
		assertThat(new Watermark(Kind.DATE, "2024-03-01").minus(null))
			.isEqualTo(new Watermark(Kind.DATE, "2024-02-29"));
	}

	@Test
	void minus_aDurationUnderOneSecond_stillLowersADateByOneDay() {
		assertThat(new Watermark(Kind.DATE, "2024-03-01").minus("250ms"))
			.isEqualTo(new Watermark(Kind.DATE, "2024-02-29"));
	}

	@Test
	void minus_lowersANumberByTheNumber() {
		assertThat(new Watermark(Kind.NUMBER, "100").minus("5")).isEqualTo(new Watermark(Kind.NUMBER, "95"));
		assertThat(new Watermark(Kind.NUMBER, "100").minus(" 1.5 ")).isEqualTo(new Watermark(Kind.NUMBER, "98.5"));
	}

	@Test
	void minus_withoutOverlap_leavesANumberAsItIs() {
		assertThat(new Watermark(Kind.NUMBER, "100").minus(null)).isEqualTo(new Watermark(Kind.NUMBER, "100"));
	}

	@Test
	void minus_aDurationOnANumber_isRefusedNamingTheOverlap() {
		assertThatThrownBy(() -> new Watermark(Kind.NUMBER, "100").minus("5m"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("The overlap of a numeric incremental column must be a number, not '5m'.");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "soon", "5 minutes", "-5m", "1w", "m" })
	void minus_aBadDurationOnATime_isRefusedNamingTheOverlap(String overlap) {
		assertThatThrownBy(() -> new Watermark(Kind.TIMESTAMP, "2024-03-01T10:00").minus(overlap))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("The overlap of a date/time incremental column must be a duration such as 90s, 5m or 1h, "
					+ "not '" + overlap + "'.");
	}

	@Test
	void instant_ofATimestamp_isInTheJvmZone_ofATimestampWithZone_isItsOwn_ofANumber_isEmpty() {
		assertThat(new Watermark(Kind.TIMESTAMP, "2024-03-01T10:00").instant())
			.contains(LocalDateTime.of(2024, 3, 1, 10, 0).atZone(ZoneId.systemDefault()).toInstant());
		assertThat(new Watermark(Kind.TIMESTAMPTZ, "2024-03-01T10:00+02:00").instant())
			.contains(Instant.parse("2024-03-01T08:00:00Z"));
		assertThat(new Watermark(Kind.NUMBER, "100").instant()).isEmpty();
	}

	@Test
	void instant_ofADate_isItsStartOfDayInTheJvmZone() {
		assertThat(new Watermark(Kind.DATE, "2024-03-01").instant())
			.contains(LocalDate.of(2024, 3, 1).atStartOfDay(ZoneId.systemDefault()).toInstant());
	}

}
