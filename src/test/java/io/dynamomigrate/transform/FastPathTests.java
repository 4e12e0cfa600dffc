package io.dynamomigrate.transform;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import io.dynamomigrate.testing.Invariant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The per-item fast paths give exactly what the general code they replace gives:
 * timestamp text as the formatter writes it, integer text and DynamoDB numbers as
 * {@code stripTrailingZeros()} makes them, number sizes as {@code BigDecimal} counts
 * digits, and UTF-8 lengths as {@code getBytes(UTF_8)} counts bytes.
 */
class FastPathTests {

	private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss",
			Locale.ROOT);

	@Test
	void timestampText_isWhatTheFormatterWrites_forEveryYearAndFraction() {
		Random random = new Random(42);
		for (int i = 0; i < 20_000; i++) {
			int year = i < 10_000 ? i : random.nextInt(30_000) - 10_000;
			LocalDateTime timestamp = LocalDateTime.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28),
					random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000_000));
			String nanos = String.format(Locale.ROOT, "%09d", timestamp.getNano()); // exact:
																					// 3,
																					// 6
																					// or
																					// 9
																					// digits
			String fraction = nanos.endsWith("000000") ? nanos.substring(0, 3)
					: nanos.endsWith("000") ? nanos.substring(0, 6) : nanos;
			String expected = UTC_SECONDS.format(timestamp) + "." + fraction + "Z";
			assertThat(Values.text(timestamp)).isEqualTo(expected);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-0", "1", "-1", "10", "1000", "-1000", "9223372036854775807", "-9223372036854775808",
			"123456789012345678901234567890123456789012", "100000000000000000000000000000000000000000", "1.50", "0.000",
			"-0.0010", "1E+3", "12.3E-5" })
	void numberText_isTheStrippedPlainText(String number) {
		BigDecimal value = new BigDecimal(number);
		assertThat(Values.text(value)).isEqualTo(value.stripTrailingZeros().toPlainString());
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-0", "7", "-7", "1000", "99999999999999999999999999999999999999",
			"100000000000000000000000000000000000000000", "1.50", "0.000", "1E+3", "-2.5E-10" })
	void normalisedNumbers_areTheStrippedPlainText(String number) {
		BigDecimal value = new BigDecimal(number);
		assertThat(DynamoNumbers.normalise(value)).isEqualTo(value.stripTrailingZeros().toPlainString());
	}

	@Test
	@Invariant(6)
	void integersOfMoreThan38SignificantDigits_areStillRefused() {
		assertThatThrownBy(() -> DynamoNumbers.normalise(new BigDecimal("123456789012345678901234567890123456789")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("39 significant digits");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-0", "+0", "0.000", "00012", "1", "-1", "+5", "10", "1000", "123.4500", "0.00012300",
			"-0.5", ".5", "5.", "99999999999999999999999999999999999999", "1E+3", "1e-7", "12.3E5" })
	void numberSizes_countSignificantDigitsAsBigDecimalDoes(String number) {
		int digits = new BigDecimal(number).stripTrailingZeros().precision();
		assertThat(DynamoNumbers.size(number)).isEqualTo((digits + 1) / 2 + 1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "-", ".", "1.2.3", "abc", " 1" })
	void numberSizesOfNonNumbers_failAsBigDecimalDoes(String number) {
		assertThatThrownBy(() -> DynamoNumbers.size(number)).isInstanceOf(NumberFormatException.class);
	}

	@Test
	void utf8Lengths_areTheEncodedLengths() {
		List<String> texts = List.of("", "plain ascii", "café", "日本語", "emoji 😀 pair", "€uro", "\u07ff\u0800",
				"unpaired \ud800 high", "unpaired \udc00 low", "reversed \udc00\ud800", "end \ud83d");
		for (String text : texts) {
			assertThat(ItemSizes.utf8(text)).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
		}
	}

}
