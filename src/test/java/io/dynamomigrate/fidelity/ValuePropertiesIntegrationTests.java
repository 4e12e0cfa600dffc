package io.dynamomigrate.fidelity;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.dynamomigrate.fidelity.FidelityRuns.Run;
import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.testing.Invariant;
import io.dynamomigrate.testing.SharedDynalite;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN.md invariant 9, property-based (issue 12): values of every DynamoDB type,
 * generated with jqwik — numbers at and past DynamoDB's limits (38 significant digits,
 * 1E-130 to 9.99…E+125), text with astral characters, control characters and escaped lone
 * surrogates, binary, booleans, NULL, string / number / binary sets with duplicates and
 * empty ones, and lists and maps nested four deep — are written through a real run (a
 * DynamoDB JSON file into dynalite) and read back with the SDK. Each record is either
 * written with every value exactly as generated (numbers equal by value, sets as the
 * documented default policies make them: duplicates kept once, an empty set left out), or
 * rejected once with a reason that the record's values explain; never written with a
 * changed value.
 * <p>
 * The generator's seed is fixed ({@code 20261203}) so that CI is reproducible;
 * {@code -Dproperties.seed=…} tries others. jqwik is used for its generators only
 * (version 1.9.3: the last before its usage clause; its test engine is not run, see the
 * pom).
 */
@Invariant(9)
class ValuePropertiesIntegrationTests {

	private static final String SEED = System.getProperty("properties.seed", "20261203");

	private static final int RECORDS = 400;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final BigDecimal SMALLEST = new BigDecimal("1E-130");

	private static final BigDecimal TOO_LARGE = new BigDecimal("1E+126");

	@TempDir
	Path temp;

	@Test
	void everyGeneratedValue_isWrittenExactly_orItsRecordIsRejectedWithAReason() throws Exception {
		List<Map<String, Value>> records = new ArrayList<>();
		JqwikSession.run(SEED, () -> records.addAll(record().list().ofSize(RECORDS).sample()));
		StringBuilder file = new StringBuilder();
		for (int i = 0; i < records.size(); i++) {
			StringBuilder item = new StringBuilder("{\"Item\": {\"id\": {\"N\": \"" + (i + 1) + "\"}");
			records.get(i)
				.forEach((name, value) -> item.append(", \"").append(name).append("\": ").append(value.json()));
			file.append(item).append("}}\n");
		}
		Files.writeString(temp.resolve("values.json"), file, StandardCharsets.UTF_8);
		Path mapping = FidelityRuns.mapping(temp, "values", """
				name: values
				tables:
				  - { name: values, partitionKey: { name: id, type: N } }
				items:
				  - name: values
				    table: values
				    source: { file: values.json, format: ddb-json, key: [id] }
				    unmappedColumns: attributes
				    attributes:
				      id: "${id}"
				""");
		SharedDynalite.deleteAllTables();

		Run run = FidelityRuns.cli("run", mapping, temp.resolve("state"));

		Map<String, String> rejected = FidelityRuns.reasons(FidelityRuns.rejects(temp.resolve("state"), ""), "line");
		Map<String, Map<String, AttributeValue>> items = FidelityRuns.items("values", "id");
		List<String> wrong = new ArrayList<>();
		int expectedRejects = 0;
		for (int i = 0; i < records.size(); i++) {
			String id = String.valueOf(i + 1);
			Set<String> reasons = records.get(i)
				.values()
				.stream()
				.flatMap((value) -> value.rejects().stream())
				.collect(Collectors.toCollection(TreeSet::new));
			if (!reasons.isEmpty()) {
				expectedRejects++;
				String reason = rejected.get(id);
				if (items.containsKey(id) || reason == null || !reasons.contains(reason.split(":")[0])) {
					wrong.add("record " + id + " should be rejected for one of " + reasons + ", was "
							+ (items.containsKey(id) ? "written " + items.get(id) : "rejected " + reason));
				}
				continue;
			}
			if (rejected.containsKey(id) || !items.containsKey(id)) {
				wrong.add("record " + id + " should be written exactly, was rejected " + rejected.get(id) + ": "
						+ records.get(i));
				continue;
			}
			Map<String, AttributeValue> written = new LinkedHashMap<>(items.get(id));
			written.remove("id");
			Map<String, AttributeValue> expected = new LinkedHashMap<>();
			records.get(i).forEach((name, value) -> {
				if (value.expected() != null) {
					expected.put(name, value.expected());
				}
			});
			if (!written.keySet().equals(expected.keySet())) {
				wrong.add("record " + id + " has attributes " + written.keySet() + ", expected " + expected.keySet());
				continue;
			}
			expected.forEach((name, value) -> {
				String difference = difference(value, written.get(name));
				if (difference != null) {
					wrong.add("record " + id + " attribute " + name + ": " + difference);
				}
			});
		}
		assertThat(wrong).as("seed " + SEED).isEmpty();
		assertThat(rejected).as("seed " + SEED).hasSize(expectedRejects);
		assertThat(expectedRejects).as("the generator makes both outcomes").isBetween(RECORDS / 20, RECORDS * 19 / 20);
		assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTS);
	}

	/**
	 * Typed SQL values (an H2 file database, written through JDBC so that nothing is lost
	 * on the way in): timestamps with 0 to 9 fraction digits, with and without zone,
	 * exact decimals of up to 45 digits, and text with astral characters. A timestamp is
	 * written as the same instant, in UTC, with the fewest of 3, 6 or 9 fraction digits
	 * that hold it; a number beyond DynamoDB's precision or range rejects its row.
	 */
	@Test
	void everyGeneratedSqlValue_isWrittenExactly_orItsRowIsRejectedWithAReason() throws Exception {
		List<Row> rows = new ArrayList<>();
		JqwikSession.run(SEED, () -> rows.addAll(row().list().ofSize(RECORDS).sample()));
		String url = "jdbc:h2:file:" + temp.resolve("typed").toAbsolutePath();
		try (Connection c = DriverManager.getConnection(url, "sa", "")) {
			try (Statement create = c.createStatement()) {
				create.execute("CREATE TABLE typed (id INT PRIMARY KEY, at TIMESTAMP(9), zoned TIMESTAMP(9) WITH TIME "
						+ "ZONE, amount NUMERIC(100, 50), label VARCHAR(100))");
			}
			PreparedStatement insert = c.prepareStatement("INSERT INTO typed VALUES (?, ?, ?, ?, ?)");
			for (int i = 0; i < rows.size(); i++) {
				insert.setInt(1, i + 1);
				insert.setObject(2, rows.get(i).at());
				insert.setObject(3, rows.get(i).zoned());
				insert.setBigDecimal(4, rows.get(i).amount());
				insert.setString(5, rows.get(i).label());
				insert.addBatch();
			}
			insert.executeBatch();
		}
		Path mapping = FidelityRuns.mapping(temp, "typed", """
				name: typed
				source: { url: "%s", user: sa }
				tables:
				  - { name: typed, partitionKey: { name: id, type: N } }
				items:
				  - name: typed
				    table: typed
				    source: { table: typed, key: [id] }
				    attributes:
				      id: "${id}"
				      at: "${at}"
				      zoned: "${zoned}"
				      amount: "${amount}"
				      label: "${label}"
				""".formatted(url));
		SharedDynalite.deleteAllTables();

		Run run = FidelityRuns.cli("run", mapping, temp.resolve("typed-state"));

		Map<String, String> rejected = FidelityRuns.reasons(FidelityRuns.rejects(temp.resolve("typed-state"), ""),
				"id");
		Map<String, Map<String, AttributeValue>> items = FidelityRuns.items("typed", "id");
		List<String> wrong = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			String id = String.valueOf(i + 1);
			Row row = rows.get(i);
			if (!fitsDynamoDb(row.amount())) {
				if (items.containsKey(id) || !"INVALID_NUMBER:amount".equals(rejected.get(id))) {
					wrong.add("row " + id + " should be an INVALID_NUMBER reject, was " + rejected.get(id) + " "
							+ items.get(id));
				}
				continue;
			}
			Map<String, AttributeValue> item = items.get(id);
			if (item == null || rejected.containsKey(id)) {
				wrong.add("row " + id + " should be written, was rejected " + rejected.get(id) + ": " + row);
				continue;
			}
			String at = timestamp(item.get("at"), row.at().toInstant(ZoneOffset.UTC));
			String zoned = timestamp(item.get("zoned"), row.zoned().toInstant());
			if (at != null || zoned != null) {
				wrong.add("row " + id + ": " + at + " " + zoned);
			}
			if (new BigDecimal(item.get("amount").n()).compareTo(row.amount()) != 0) {
				wrong.add("row " + id + ": amount " + item.get("amount") + ", expected " + row.amount());
			}
			AttributeValue label = item.get("label");
			if (row.label() == null ? label != null : label == null || !row.label().equals(label.s())) {
				wrong.add("row " + id + ": label " + label + ", expected " + row.label());
			}
		}
		assertThat(wrong).as("seed " + SEED).isEmpty();
		assertThat(rejected.size() + items.size()).isEqualTo(RECORDS);
		assertThat(run.exitCode()).as(run.output())
			.isEqualTo(rejected.isEmpty() ? ExitCodes.SUCCESS : ExitCodes.COMPLETED_WITH_REJECTS);
	}

	/**
	 * Why a written timestamp is not the instant with the fewest of 3, 6 or 9 fraction
	 * digits, or null.
	 */
	private static @Nullable String timestamp(@Nullable AttributeValue written, Instant expected) {
		if (written == null || written.s() == null || !written.s().endsWith("Z")) {
			return "expected " + expected + ", was " + written;
		}
		String text = written.s();
		int dot = text.lastIndexOf('.');
		int digits = dot < 0 ? 0 : text.length() - dot - 2;
		int nanos = expected.getNano();
		int fewest = nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
		return Instant.parse(text).equals(expected) && digits == fewest ? null
				: "expected " + expected + " with " + fewest + " fraction digits, was " + text;
	}

	/** A generated row of typed SQL values. */
	record Row(LocalDateTime at, OffsetDateTime zoned, BigDecimal amount, @Nullable String label) {
	}

	private static Arbitrary<Row> row() {
		Arbitrary<LocalDateTime> at = Combinators
			.combine(
					Arbitraries.longs()
						.between(LocalDateTime.of(1900, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC),
								LocalDateTime.of(2100, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC)),
					Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 999_999_999))
			.as((seconds, digits, nanos) -> LocalDateTime.ofEpochSecond(seconds,
					nanos / (int) Math.pow(10, 9 - digits) * (int) Math.pow(10, 9 - digits), ZoneOffset.UTC));
		Arbitrary<OffsetDateTime> zoned = Combinators.combine(at, Arbitraries.integers().between(-48, 56))
			.as((local, quarters) -> local.atOffset(ZoneOffset.ofTotalSeconds(quarters * 900)));
		Arbitrary<BigDecimal> amount = decimals().filter((n) -> n.scale() <= 50 && n.precision() - n.scale() <= 50);
		Arbitrary<String> label = text(1).injectNull(0.1);
		return Combinators.combine(at, zoned, amount, label).as(Row::new);
	}

	/**
	 * A generated value: its DynamoDB JSON, what must be written (null: nothing) and the
	 * reasons that reject it.
	 */
	record Value(String json, @Nullable AttributeValue expected, Set<String> rejects) {

		static Value valid(String json, @Nullable AttributeValue expected) {
			return new Value(json, expected, Set.of());
		}

		static Value invalid(String json, String reason) {
			return new Value(json, null, Set.of(reason));
		}

	}

	private static Arbitrary<Map<String, Value>> record() {
		return topLevel().list().ofMinSize(1).ofMaxSize(6).map((values) -> {
			Map<String, Value> record = new LinkedHashMap<>();
			for (int i = 0; i < values.size(); i++) {
				record.put("a" + i, values.get(i));
			}
			return record;
		});
	}

	private static Arbitrary<Value> topLevel() {
		return Arbitraries.frequencyOf(Tuple.of(6, scalar()), Tuple.of(1, stringSet()), Tuple.of(1, numberSet()),
				Tuple.of(1, binarySet()), Tuple.of(2, document(4)));
	}

	private static Arbitrary<Value> scalar() {
		return Arbitraries.frequencyOf(Tuple.of(4, number()), Tuple.of(4, string()), Tuple.of(1, binary()),
				Tuple.of(1,
						Arbitraries.of(true, false)
							.map((b) -> Value.valid("{\"BOOL\": " + b + "}", AttributeValue.fromBool(b)))),
				Tuple.of(1, Arbitraries.just(Value.valid("{\"NULL\": true}", AttributeValue.fromNul(true)))));
	}

	/**
	 * Lists and maps of scalars and of further lists and maps, {@code depth} levels at
	 * most.
	 */
	private static Arbitrary<Value> document(int depth) {
		Arbitrary<Value> element = depth <= 1 ? scalar() : Arbitraries.frequencyOf(Tuple.of(4, scalar()),
				Tuple.of(1, Arbitraries.lazy(() -> document(depth - 1))));
		Arbitrary<Value> list = element.list()
			.ofMaxSize(4)
			.map((values) -> nested(
					"{\"L\": [" + values.stream().map(Value::json).collect(Collectors.joining(", ")) + "]}", values,
					() -> AttributeValue.fromL(values.stream().map(Value::expected).toList())));
		Arbitrary<Value> map = element.list().ofMaxSize(4).map((values) -> {
			Map<String, AttributeValue> expected = new LinkedHashMap<>();
			StringBuilder json = new StringBuilder("{\"M\": {");
			for (int i = 0; i < values.size(); i++) {
				json.append(i == 0 ? "" : ", ").append("\"k").append(i).append("\": ").append(values.get(i).json());
				if (values.get(i).expected() != null) {
					expected.put("k" + i, values.get(i).expected());
				}
			}
			return nested(json.append("}}").toString(), values, () -> AttributeValue.fromM(expected));
		});
		return Arbitraries.oneOf(list, map);
	}

	/**
	 * A list or map: rejected when an element is, else written with every element as
	 * expected.
	 */
	private static Value nested(String json, List<Value> elements, Supplier<AttributeValue> expected) {
		Set<String> rejects = new HashSet<>();
		elements.forEach((element) -> rejects.addAll(element.rejects()));
		return rejects.isEmpty() ? Value.valid(json, expected.get()) : new Value(json, null, rejects);
	}

	/**
	 * Numbers of 1 to 45 digits at exponents around DynamoDB's range, and the range's
	 * edges.
	 */
	private static Arbitrary<BigDecimal> decimals() {
		Arbitrary<BigDecimal> random = Combinators
			.combine(Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(45),
					Arbitraries.integers().between(-170, 150), Arbitraries.of(1, -1))
			.as((digits, exponent, sign) -> new BigDecimal(new BigInteger(digits).multiply(BigInteger.valueOf(sign)))
				.scaleByPowerOfTen(exponent));
		Arbitrary<BigDecimal> ordinary = Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(-6, 6))
			.as((unscaled, scale) -> BigDecimal.valueOf(unscaled, scale));
		Arbitrary<BigDecimal> edges = Arbitraries
			.of("0", "-0.000", "1E-130", "-1E-130", "1E-131", "9.9999999999999999999999999999999999999E+125",
					"-9.9999999999999999999999999999999999999E+125", "1E+126", "99999999999999999999999999999999999999",
					"999999999999999999999999999999999999999", "12345678901234567890123456789012345678000000",
					"0.10000000000000000000000000000000000000000")
			.map(BigDecimal::new);
		return Arbitraries.frequencyOf(Tuple.of(3, random), Tuple.of(3, ordinary), Tuple.of(1, edges));
	}

	private static boolean fitsDynamoDb(BigDecimal number) {
		if (number.signum() == 0) {
			return true;
		}
		BigDecimal magnitude = number.abs();
		return number.stripTrailingZeros().precision() <= 38 && magnitude.compareTo(SMALLEST) >= 0
				&& magnitude.compareTo(TOO_LARGE) < 0;
	}

	private static Arbitrary<Value> number() {
		return Combinators.combine(decimals(), Arbitraries.of(true, false)).as((number, plain) -> {
			String text = plain && Math.abs(number.scale()) < 200 ? number.toPlainString() : number.toString();
			String json = "{\"N\": \"" + text + "\"}";
			return fitsDynamoDb(number) ? Value.valid(json, AttributeValue.fromN(number.toPlainString()))
					: Value.invalid(json, "INVALID_NUMBER");
		});
	}

	/**
	 * Text of ASCII, control characters, the rest of the BMP and astral characters; now
	 * and then a lone surrogate.
	 */
	private static Arbitrary<String> text(int minLength) {
		Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.integers().between(0x20, 0x7E)),
				Tuple.of(1, Arbitraries.integers().between(0x00, 0x1F)),
				Tuple.of(2, Arbitraries.integers().between(0xA0, 0xD7FF)),
				Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFD)),
				Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)));
		return codePoint.list().ofMinSize(minLength).ofMaxSize(12).map((points) -> {
			StringBuilder text = new StringBuilder();
			points.forEach(text::appendCodePoint);
			return text.toString();
		});
	}

	private static Arbitrary<Value> string() {
		Arbitrary<Value> valid = text(0)
			.map((text) -> Value.valid("{\"S\": " + JSON.writeValueAsString(text) + "}", AttributeValue.fromS(text)));
		Arbitrary<Value> loneSurrogate = Combinators
			.combine(text(0), Arbitraries.of("\\ud800", "\\udfff", "\\ud83d", "\\ude00\\ud83d"))
			.as((text, escape) -> {
				String json = JSON.writeValueAsString(text);
				return Value.invalid("{\"S\": " + json.substring(0, json.length() - 1) + escape + "\"}",
						"INVALID_ENCODING");
			});
		return Arbitraries.frequencyOf(Tuple.of(15, valid), Tuple.of(1, loneSurrogate));
	}

	private static Arbitrary<Value> binary() {
		return Arbitraries.bytes()
			.array(byte[].class)
			.ofMaxSize(40)
			.map((bytes) -> Value.valid("{\"B\": \"" + Base64.getEncoder().encodeToString(bytes) + "\"}",
					AttributeValue.fromB(SdkBytes.fromByteArray(bytes))));
	}

	/**
	 * A set as the default policies write it: duplicates kept once, an empty set left
	 * out.
	 */
	private static Value set(String type, List<String> elements, @Nullable AttributeValue distinct) {
		String json = "{\"" + type + "\": ["
				+ elements.stream().map((e) -> "\"" + e + "\"").collect(Collectors.joining(", ")) + "]}";
		return Value.valid(json, distinct);
	}

	private static Arbitrary<Value> stringSet() {
		// a small alphabet, so that sets have duplicates
		return Arbitraries.of("a", "b", "é", "😀", "a b", "\u0000x").list().ofMaxSize(5).map((elements) -> {
			List<String> distinct = new ArrayList<>(new LinkedHashSet<>(elements));
			List<String> json = elements.stream()
				.map((e) -> JSON.writeValueAsString(e))
				.map((e) -> e.substring(1, e.length() - 1))
				.toList();
			return set("SS", json, distinct.isEmpty() ? null : AttributeValue.fromSs(distinct));
		});
	}

	private static Arbitrary<Value> numberSet() {
		return Arbitraries.of("1", "1.0", "10", "2.50", "2.5", "-0.001", "1E+2", "100", "1E+200")
			.list()
			.ofMaxSize(5)
			.map((elements) -> {
				if (elements.contains("1E+200")) {
					return Value.invalid("{\"NS\": ["
							+ elements.stream().map((e) -> "\"" + e + "\"").collect(Collectors.joining(", ")) + "]}",
							"INVALID_NUMBER");
				}
				Map<BigDecimal, String> distinct = new LinkedHashMap<>();
				elements.forEach((e) -> distinct.putIfAbsent(new BigDecimal(e).stripTrailingZeros(), e));
				return set("NS", elements,
						distinct.isEmpty() ? null : AttributeValue.fromNs(List.copyOf(distinct.values())));
			});
	}

	private static Arbitrary<Value> binarySet() {
		return Arbitraries.of("AA==", "AAE=", "/w==", "AAEC").list().ofMaxSize(5).map((elements) -> {
			List<SdkBytes> distinct = new LinkedHashSet<>(elements).stream()
				.map((e) -> SdkBytes.fromByteArray(Base64.getDecoder().decode(e)))
				.toList();
			return set("BS", elements, distinct.isEmpty() ? null : AttributeValue.fromBs(distinct));
		});
	}

	/**
	 * Why {@code actual} is not {@code expected} by DynamoDB's rules (numbers by value,
	 * sets unordered), or null.
	 */
	private static @Nullable String difference(AttributeValue expected, @Nullable AttributeValue actual) {
		if (actual == null || actual.type() != expected.type()) {
			return "expected " + expected + ", was " + actual;
		}
		boolean same = switch (expected.type()) {
			case N -> new BigDecimal(expected.n()).compareTo(new BigDecimal(actual.n())) == 0;
			case NS -> numbers(expected.ns()).equals(numbers(actual.ns()));
			case SS -> new HashSet<>(expected.ss()).equals(new HashSet<>(actual.ss()))
					&& expected.ss().size() == actual.ss().size();
			case BS -> new HashSet<>(expected.bs()).equals(new HashSet<>(actual.bs()))
					&& expected.bs().size() == actual.bs().size();
			case L -> expected.l().size() == actual.l().size() && indexes(expected.l().size()).stream()
				.allMatch((i) -> difference(expected.l().get(i), actual.l().get(i)) == null);
			case M -> expected.m().keySet().equals(actual.m().keySet()) && expected.m()
				.keySet()
				.stream()
				.allMatch((k) -> difference(expected.m().get(k), actual.m().get(k)) == null);
			default -> expected.equals(actual);
		};
		return same ? null : "expected " + expected + ", was " + actual;
	}

	private static Set<BigDecimal> numbers(List<String> numbers) {
		return numbers.stream().map((n) -> new BigDecimal(n).stripTrailingZeros()).collect(Collectors.toSet());
	}

	private static List<Integer> indexes(int size) {
		List<Integer> indexes = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			indexes.add(i);
		}
		return indexes;
	}

}
