package io.dynamomigrate.transform;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.dynamomigrate.mapping.model.AttributeType;
import io.dynamomigrate.mapping.model.ValueOptions.DuplicateElementPolicy;
import io.dynamomigrate.mapping.model.ValueOptions.EmptySetPolicy;
import io.dynamomigrate.mapping.model.ValueOptions;
import io.dynamomigrate.records.RejectReason;
import io.dynamomigrate.testing.Invariant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every conversion of a source value to a DynamoDB attribute, with the edge values:
 * DynamoDB's number limits, Unicode text, empty values, sets under each policy, nesting
 * depth and timestamps with offsets.
 */
@Invariant(9)
class ValuesTests {

	private static final String DIGITS_38 = "12345678901234567890123456789012345678";

	// --- N

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ DIGITS_38 + ", " + DIGITS_38, "-" + DIGITS_38 + ", -" + DIGITS_38, "0.1, 0.1", "0.10, 0.1", "-0, 0",
			"-0.0, 0", "1E+2, 100", "4.50, 4.5", "1.000000000000000000000000000000000000000000, 1",
			"9.9999999999999999999999999999999999999E+125, 999999999999999999999999999999999999990000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
			"-9.9999999999999999999999999999999999999E+125, -999999999999999999999999999999999999990000000000000000000000000000000000000000000000000000000000000000000000000000000000000000" })
	void numbersThatDynamoDbCanHold_areKeptExactlyInItsNormalForm(String value, String expected) {
		assertThat(Values.attribute(new BigDecimal(value), AttributeType.N)).isEqualTo(AttributeValue.fromN(expected));
		assertThat(Values.attribute(value, AttributeType.N)).as("from text").isEqualTo(AttributeValue.fromN(expected));
	}

	@Test
	@Invariant(6)
	void smallestMagnitude_1E_130_isKeptAsPlainDigits() {
		String plain = "0." + "0".repeat(129) + "1";

		assertThat(Values.attribute(new BigDecimal("1E-130"), AttributeType.N)).isEqualTo(AttributeValue.fromN(plain));
		assertThat(Values.attribute("-1E-130", AttributeType.N)).isEqualTo(AttributeValue.fromN("-" + plain));
		assertThat(new BigDecimal(plain)).isEqualByComparingTo("1E-130");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "1" + DIGITS_38 + ", 39 significant digits",
			"1.23456789012345678901234567890123456789, 39 significant digits", "1E-131, outside DynamoDB's range",
			"9.9999999999999999999999999999999999999E-131, outside DynamoDB's range",
			"1E+126, outside DynamoDB's range", "-1E+126, outside DynamoDB's range", "NaN, not a finite number",
			"Infinity, not a finite number", "-Infinity, not a finite number", "12abc, is not a number",
			"'', is not a number" })
	@Invariant(6)
	void numbersThatDynamoDbCannotHold_areRefusedNeverRounded(String value, String phrase) {
		assertThatThrownBy(() -> Values.attribute(value, AttributeType.N)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(phrase);
		if (!phrase.contains("not a")) {
			assertThatThrownBy(() -> Values.attribute(new BigDecimal(value), AttributeType.N))
				.hasMessageContaining(phrase);
		}
	}

	// --- S

	@ParameterizedTest(name = "{0}")
	@CsvSource(value = { "🎸 Guitar 👩‍🎤", "Cafe\u0301 (combining acute)", "Café (precomposed)", "'' ",
			"  spaces kept  ", "ß/İ/ı", "\u0000nul" }, ignoreLeadingAndTrailingWhitespace = false)
	void text_isKeptCodePointForCodePoint(String text) {
		AttributeValue value = Values.attribute(text, AttributeType.S);

		assertThat(value.s()).isEqualTo(text);
		assertThat(value.s().getBytes(StandardCharsets.UTF_8)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void combiningAndPrecomposedForms_areDifferentStrings_neverNormalised() {
		assertThat(Values.attribute("Cafe\u0301", AttributeType.S))
			.isNotEqualTo(Values.attribute("Caf\u00e9", AttributeType.S));
	}

	@Test
	void emptyString_isAnEmptyS_andEmptyBinaryAnEmptyB() {
		assertThat(Values.attribute("", AttributeType.S)).isEqualTo(AttributeValue.fromS(""));
		assertThat(Values.attribute(new byte[0], AttributeType.B))
			.isEqualTo(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[0])));
	}

	// --- B, BOOL, NULL

	@Test
	void binary_fromBytesOrBase64Text_andBadBase64IsRefused() {
		byte[] bytes = { 0, 1, (byte) 0xff };
		AttributeValue expected = AttributeValue.fromB(SdkBytes.fromByteArray(bytes));

		assertThat(Values.attribute(bytes, AttributeType.B)).isEqualTo(expected);
		assertThat(Values.attribute("AAH/", AttributeType.B)).isEqualTo(expected);
		assertThat(Values.attribute(bytes, AttributeType.S)).isEqualTo(AttributeValue.fromS("AAH/"));
		assertThatThrownBy(() -> Values.attribute("not base64!", AttributeType.B)).hasMessage("is not base64 text");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "true, true", "T, true", "yes, true", "1, true", "false, false", "f, false", "NO, false", "0, false" })
	void booleans_fromText(String text, boolean expected) {
		assertThat(Values.attribute(text, AttributeType.BOOL)).isEqualTo(AttributeValue.fromBool(expected));
	}

	@Test
	void nullType_isAlwaysTheNullValue_andNonBooleanTextIsNoBoolean() {
		assertThat(Values.attribute("anything", AttributeType.NULL)).isEqualTo(AttributeValue.fromNul(true));
		assertThatThrownBy(() -> Values.attribute("maybe", AttributeType.BOOL)).hasMessageContaining("not a boolean");
	}

	// --- sets

	static Stream<Arguments> sets() {
		return Stream.of(
				arguments(AttributeType.SS, List.of("rock", "pop", "rock"), DuplicateElementPolicy.DEDUPE,
						AttributeValue.fromSs(List.of("rock", "pop"))),
				arguments(AttributeType.NS, List.of(new BigDecimal("1"), new BigDecimal("1.0"), new BigDecimal("2.50")),
						DuplicateElementPolicy.DEDUPE, AttributeValue.fromNs(List.of("1", "2.5"))),
				arguments(AttributeType.NS, List.of("3", "03", "3.000"), DuplicateElementPolicy.DEDUPE,
						AttributeValue.fromNs(List.of("3"))),
				arguments(AttributeType.BS, List.of(new byte[] { 1 }, new byte[] { 1 }, new byte[] { 2 }),
						DuplicateElementPolicy.DEDUPE,
						AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] { 1 }),
								SdkBytes.fromByteArray(new byte[] { 2 })))),
				arguments(AttributeType.SS, List.of("", "a"), DuplicateElementPolicy.REJECT,
						AttributeValue.fromSs(List.of("", "a"))),
				arguments(AttributeType.SS, List.of("é", "e\u0301"), DuplicateElementPolicy.REJECT,
						AttributeValue.fromSs(List.of("é", "e\u0301"))));
	}

	@ParameterizedTest(name = "{0} {1} under {2}")
	@MethodSource("sets")
	void setsFromArrays_keepTheFirstOfEqualElements(AttributeType type, List<Object> elements,
			DuplicateElementPolicy policy, AttributeValue expected) {
		assertThat(Values.attribute(elements, type, options(null, policy, EmptySetPolicy.REJECT))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "SS, a|b|a", "NS, 1|1.0", "BS, AQ==|AQ==" })
	void duplicateElements_underReject_areADuplicateElementsReject(AttributeType type, String elements) {
		List<Object> list = new ArrayList<>(Arrays.asList(elements.split("\\|")));

		assertThatThrownBy(
				() -> Values.attribute(list, type, options(null, DuplicateElementPolicy.REJECT, EmptySetPolicy.OMIT)))
			.isInstanceOfSatisfying(ValueRejectedException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(RejectReason.DUPLICATE_ELEMENTS))
			.hasMessageContaining("twice");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "SS", "NS", "BS" })
	void emptySets_areOmittedOrRejectedByPolicy_neverWritten(AttributeType type) {
		assertThat(Values.attribute(List.of(), type, options(null, DuplicateElementPolicy.DEDUPE, EmptySetPolicy.OMIT)))
			.isNull();
		assertThat(Values.attribute("  ", type, options(",", DuplicateElementPolicy.DEDUPE, EmptySetPolicy.OMIT)))
			.isNull();
		assertThatThrownBy(() -> Values.attribute(List.of(), type,
				options(null, DuplicateElementPolicy.DEDUPE, EmptySetPolicy.REJECT)))
			.isInstanceOfSatisfying(ValueRejectedException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(RejectReason.EMPTY_SET));
	}

	@Test
	void splitText_makesSetsAndLists_elementsTrimmed() {
		assertThat(Values.attribute("rock, pop ,jazz,pop", AttributeType.SS,
				options(",", DuplicateElementPolicy.DEDUPE, EmptySetPolicy.OMIT)))
			.isEqualTo(AttributeValue.fromSs(List.of("rock", "pop", "jazz")));
		assertThat(Values.attribute("1;2.50;1E+1", AttributeType.NS,
				options(";", DuplicateElementPolicy.DEDUPE, EmptySetPolicy.OMIT)))
			.isEqualTo(AttributeValue.fromNs(List.of("1", "2.5", "10")));
		assertThat(Values.attribute("b,a,b", AttributeType.L,
				options(",", DuplicateElementPolicy.DEDUPE, EmptySetPolicy.OMIT)))
			.isEqualTo(AttributeValue
				.fromL(List.of(AttributeValue.fromS("b"), AttributeValue.fromS("a"), AttributeValue.fromS("b"))));
	}

	@Test
	void setElementsThatAreNullOrNotOfTheType_areRejects() {
		List<Object> withNull = new ArrayList<>(Arrays.asList("a", null));
		assertThatThrownBy(() -> Values.attribute(withNull, AttributeType.SS, ValueOptions.DEFAULT))
			.hasMessageContaining("null element");
		assertThatThrownBy(() -> Values.attribute(List.of("1", "x"), AttributeType.NS, ValueOptions.DEFAULT))
			.isInstanceOfSatisfying(ValueRejectedException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(RejectReason.INVALID_NUMBER))
			.hasMessageContaining("the element x");
		assertThatThrownBy(() -> Values.attribute(List.of("1" + DIGITS_38), AttributeType.NS, ValueOptions.DEFAULT))
			.hasMessageContaining("39 significant digits");
	}

	// --- L and M

	@Test
	@Invariant(6)
	void jsonText_becomesMapsAndListsWithExactNumbers() {
		String json = """
				{"title":"Blue","rating":4.50,"plays":12345678901234567890123456789012345678,"tiny":1E-130,
				 "tags":["a",1,true,null,{"k":[]}],"nothing":null,"emoji":"🎵"}""";

		AttributeValue value = Values.attribute(json, AttributeType.M);

		assertThat(value.m()).containsExactly(Map.entry("title", AttributeValue.fromS("Blue")),
				Map.entry("rating", AttributeValue.fromN("4.5")), Map.entry("plays", AttributeValue.fromN(DIGITS_38)),
				Map.entry("tiny", AttributeValue.fromN(new BigDecimal("1E-130").toPlainString())),
				Map.entry("tags",
						AttributeValue.fromL(List.of(AttributeValue.fromS("a"), AttributeValue.fromN("1"),
								AttributeValue.fromBool(true), AttributeValue.fromNul(true),
								AttributeValue.fromM(Map.of("k", AttributeValue.fromL(List.of())))))),
				Map.entry("nothing", AttributeValue.fromNul(true)), Map.entry("emoji", AttributeValue.fromS("🎵")));
		assertThat(Values.attribute("[0.1, 0.10]", AttributeType.L))
			.isEqualTo(AttributeValue.fromL(List.of(AttributeValue.fromN("0.1"), AttributeValue.fromN("0.1"))));
	}

	@Test
	void jsonThatIsNotTheDeclaredDocument_orNotJson_orWithBadNumbers_isRefused() {
		assertThatThrownBy(() -> Values.attribute("[1]", AttributeType.M)).hasMessage("is not a map in JSON");
		assertThatThrownBy(() -> Values.attribute("{\"a\":1}", AttributeType.L)).hasMessage("is not a list in JSON");
		assertThatThrownBy(() -> Values.attribute("{\"a\":", AttributeType.M)).hasMessageStartingWith("is not JSON");
		assertThatThrownBy(() -> Values.attribute("{\"a\":NaN}", AttributeType.M))
			.hasMessageStartingWith("is not JSON");
		assertThatThrownBy(() -> Values.attribute("[1E+126]", AttributeType.L)).isInstanceOfSatisfying(
				ValueRejectedException.class, (ex) -> assertThat(ex.reason()).isEqualTo(RejectReason.INVALID_NUMBER));
	}

	@Test
	void sqlArrays_becomeListsWithInferredElementTypes() {
		List<Object> array = Arrays.asList(new BigDecimal("1.50"), "x", null, new byte[] { 7 }, List.of(true));

		assertThat(Values.inferredType(array)).isEqualTo(AttributeType.L);
		assertThat(Values.attribute(array, AttributeType.L))
			.isEqualTo(AttributeValue.fromL(List.of(AttributeValue.fromN("1.5"), AttributeValue.fromS("x"),
					AttributeValue.fromNul(true), AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] { 7 })),
					AttributeValue.fromL(List.of(AttributeValue.fromBool(true))))));
	}

	@Test
	void thirtyTwoLevelsOfNesting_areKept_andThirtyThreeAreANestingReject() {
		assertThat(depth(Values.attribute("[".repeat(32) + "]".repeat(32), AttributeType.L))).isEqualTo(32);
		assertThat(depth(Values.attribute(nestedMaps(32), AttributeType.M))).isEqualTo(32);

		for (Object tooDeep : List.of("[".repeat(33) + "]".repeat(33), nestedMaps(33))) {
			AttributeType type = tooDeep instanceof String ? AttributeType.L : AttributeType.M;
			assertThatThrownBy(() -> Values.attribute(tooDeep, type))
				.isInstanceOfSatisfying(ValueRejectedException.class,
						(ex) -> assertThat(ex.reason()).isEqualTo(RejectReason.NESTING_TOO_DEEP))
				.hasMessageContaining("32 levels");
		}
	}

	private static Object nestedMaps(int levels) {
		Object value = Map.of();
		for (int i = 1; i < levels; i++) {
			value = Map.of("m", value);
		}
		return value;
	}

	private static int depth(AttributeValue value) {
		if (value.hasL()) {
			return 1 + value.l().stream().mapToInt(ValuesTests::depth).max().orElse(0);
		}
		if (value.hasM()) {
			return 1 + value.m().values().stream().mapToInt(ValuesTests::depth).max().orElse(0);
		}
		return 0;
	}

	// --- dates and times

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("timestamps")
	void timestamps_areIso8601InUtcWithZ(Object value, String expected) {
		assertThat(Values.attribute(value, AttributeType.S)).isEqualTo(AttributeValue.fromS(expected));
	}

	static Stream<Arguments> timestamps() {
		return Stream.of(arguments(LocalDateTime.of(2024, 3, 1, 10, 15, 30), "2024-03-01T10:15:30.000Z"),
				arguments(OffsetDateTime.of(2024, 3, 1, 10, 15, 30, 0, ZoneOffset.ofHours(2)),
						"2024-03-01T08:15:30.000Z"),
				arguments(OffsetDateTime.of(2024, 3, 1, 1, 0, 0, 123_456_789, ZoneOffset.ofHoursMinutes(5, 30)),
						"2024-02-29T19:30:00.123456789Z"),
				arguments(OffsetDateTime.of(2023, 12, 31, 20, 0, 0, 0, ZoneOffset.ofHours(-8)),
						"2024-01-01T04:00:00.000Z"),
				arguments(LocalDate.of(2024, 3, 1), "2024-03-01"), arguments(LocalTime.of(10, 15, 30), "10:15:30"),
				arguments(OffsetTime.of(10, 15, 30, 0, ZoneOffset.ofHours(1)), "09:15:30Z"));
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource({ "2024-03-01T10:15:30+02:00, epoch-seconds, 1709280930",
			"2024-03-01T10:15:30.999Z, epoch-seconds, 1709288130",
			"2024-03-01T10:15:30.999Z, epoch-millis, 1709288130999", "2024-03-01T10:15:30, epoch-seconds, 1709288130",
			"2024-03-01, epoch-seconds, 1709251200", "1969-12-31T23:59:59.5Z, epoch-seconds, -1",
			"1969-12-31T23:59:59.5Z, epoch-millis, -500" })
	void epochFormats_makeNumbersForTtlAttributes(String timestamp, String format, String expected) {
		ValueOptions epoch = new ValueOptions(format, null, DuplicateElementPolicy.DEDUPE, EmptySetPolicy.OMIT);

		assertThat(Values.attribute(timestamp, AttributeType.N, epoch)).isEqualTo(AttributeValue.fromN(expected));
		if (!timestamp.contains("Z") && !timestamp.contains("+") && timestamp.contains("T")) {
			assertThat(Values.attribute(LocalDateTime.parse(timestamp), AttributeType.N, epoch))
				.isEqualTo(AttributeValue.fromN(expected));
		}
	}

	@Test
	void datePatterns_formatInUtc() {
		ValueOptions month = new ValueOptions("yyyy-MM", null, DuplicateElementPolicy.DEDUPE, EmptySetPolicy.OMIT);
		ValueOptions local = new ValueOptions("dd.MM.yyyy HH:mm XXX", null, DuplicateElementPolicy.DEDUPE,
				EmptySetPolicy.OMIT);

		assertThat(Values.attribute(OffsetDateTime.parse("2024-03-01T01:00:00+02:00"), AttributeType.S, month))
			.isEqualTo(AttributeValue.fromS("2024-02"));
		assertThat(Values.attribute(OffsetDateTime.parse("2024-03-01T01:00:00+02:00"), AttributeType.S, local))
			.isEqualTo(AttributeValue.fromS("29.02.2024 23:00 Z"));
		assertThat(Values.attribute(LocalDate.of(2024, 3, 1), AttributeType.S, month))
			.isEqualTo(AttributeValue.fromS("2024-03"));
		assertThatThrownBy(() -> Values.attribute(LocalDate.of(2024, 3, 1), AttributeType.S, local))
			.hasMessageContaining("cannot be formatted");
		assertThatThrownBy(() -> Values.attribute("yesterday", AttributeType.S, month))
			.hasMessageContaining("not an ISO-8601 date");
	}

	// --- inference

	@Test
	void inferredTypes_followTheJavaTypeTheReaderGivesEachSqlType() {
		assertThat(Values.inferredType(BigDecimal.ONE)).isEqualTo(AttributeType.N);
		assertThat(Values.inferredType(true)).isEqualTo(AttributeType.BOOL);
		assertThat(Values.inferredType(new byte[0])).isEqualTo(AttributeType.B);
		assertThat(Values.inferredType(Map.of())).isEqualTo(AttributeType.M);
		assertThat(Values.inferredType(List.of())).isEqualTo(AttributeType.L);
		assertThat(Values.inferredType(LocalDateTime.now())).isEqualTo(AttributeType.S);
		assertThat(Values.inferredType("x")).isEqualTo(AttributeType.S);
	}

	private static ValueOptions options(String split, DuplicateElementPolicy duplicates, EmptySetPolicy empty) {
		return new ValueOptions(null, split, duplicates, empty);
	}

}
