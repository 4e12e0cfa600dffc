package io.dynamomigrate.mapping;

import java.nio.file.Path;
import java.util.List;

import io.dynamomigrate.mapping.model.Location;
import io.dynamomigrate.mapping.validation.InvalidMappingException;
import io.dynamomigrate.mapping.validation.MappingProblem;
import io.dynamomigrate.mapping.validation.ProblemCode;
import io.dynamomigrate.mapping.yaml.MappingLoader;
import io.dynamomigrate.testing.Invariant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * One test per validation error of the complete mapping language (functions, types and
 * options, conditions, unmapped columns, nesting, index keys, map embeddings), each
 * asserting code, message, fix and file:line:column; and mappings that try to reach Java
 * are rejected before anything runs. Appended lines start at line 18.
 */
class MappingLanguageValidationTests {

	private static final Path FILE = Path.of("mappings/shop.yml");

	private static final String BASE = """
			name: shop
			source:
			  url: "jdbc:h2:mem:shop"
			tables:
			  - name: shop
			    partitionKey: { name: pk, type: S }
			    sortKey: { name: sk, type: S }
			    globalSecondaryIndexes:
			      - { name: gsi1, partitionKey: { name: gsi1pk, type: S } }
			items:
			  - name: order
			    table: shop
			    source: { table: orders, key: [id] }
			    optionalIndexKeys: [gsi1pk]
			    attributes:
			      pk: "ORDER#${id}"
			      sk: ORDER
			""";

	private final MappingLoader loader = new MappingLoader((name) -> null);

	@Test
	void everyFeatureTogether_isValid() {
		assertThatCode(() -> loader.load(FILE, BASE + """
				      name: "${lower(trim(name))}"
				      shardKey: "SHARD#${shard(id, 16)}#${lpad(id, 8, '0')}"
				      month: "${date(created_at, 'yyyy-MM')}"
				      nick: "${coalesce(nick, name, 'anonymous')}"
				      expiresAt: { value: "${expires_at}", type: N, format: epoch-seconds }
				      createdMs: "${epoch_millis(created_at)}"
				      day: { value: "${created_at}", format: "dd.MM.yyyy" }
				      tags: { value: "${tags}", type: SS, split: ",", onDuplicateElements: reject, onEmptySet: reject }
				      sizes: { value: "${sizes}", type: NS }
				      blobs: { value: "${blobs}", type: BS }
				      doc: { value: "${doc}", type: M }
				      list: { value: "${csv}", type: L, split: ";" }
				      nothing: { value: "${x}", type: "NULL" }
				      shipped: { value: "${shipped_at}", when: { column: status, in: [shipped, delivered] } }
				      address: { attributes: { city: "${city}", geo: { attributes: { lat: "${lat}" } } } }
				      lines: [ "${a}", { value: "${b}", type: N }, [ "${c}" ] ]
				      more: { elements: [ "${d}" ], when: { column: d, notNull: true } }
				    filter: { column: status, equals: paid }
				    unmappedColumns: { as: map, name: extra, exclude: [secret] }
				    embed:
				      - { name: lines2, table: order_lines, parentColumns: [id], as: map, key: line_no,
				          attributes: { q: "${qty}" } }
				""")).doesNotThrowAnyException();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
			// templates: unknown functions, wrong arguments, attempts to reach Java
			"unknown function|      a: \"${md5(id)}\"|TEMPLATE_SYNTAX|18|11|${md5(id)} calls `md5`, which is not a template function|Use one of the functions lower, upper",
			"Java type reference|      a: \"${T(java.lang.Runtime).getRuntime().exec('calc')}\"|TEMPLATE_SYNTAX|18|11|calls `T`, which is not a template function; templates cannot evaluate expressions|or compute the value in a source query",
			"constructor call|      a: \"${new java.io.File('/etc/passwd')}\"|TEMPLATE_SYNTAX|18|11|${new java.io.File('/etc/passwd')} is not a column name or a template function call|Use ${column_name}",
			"SpEL hash expression|      a: \"x#{T(java.lang.System).exit(1)}\"|TEMPLATE_SYNTAX|18|12|#{...} expressions are not supported in templates; a mapping file cannot run code|Use ${column_name} references",
			"method call on a function|      a: \"${lower(id).getClass()}\"|TEMPLATE_SYNTAX|18|11|is not a column name or a template function call|Use ${column_name}",
			"wrong argument count|      a: \"${lower(id, name)}\"|TEMPLATE_SYNTAX|18|11|${lower(id, name)} gives lower 2 arguments.|Write it as lower(column).",
			"bad lpad width|      a: \"${lpad(id, width, '0')}\"|TEMPLATE_SYNTAX|18|11|needs the width of lpad as a whole number from 1 to 1000.|Write it as lpad(column, 6, '0').",
			"bad date pattern in date()|      a: \"${date(ts, 'yyyy-bb')}\"|TEMPLATE_SYNTAX|18|11|has the date pattern 'yyyy-bb', which is not valid|Use DateTimeFormatter letters",
			// types and options
			"split without a set type|      a: { value: \"${tags}\", split: \",\" }|WRONG_VALUE|18|7|`split` makes the elements of a set or a list; attribute a has type inferred.|Add `type: SS`",
			"empty split|      a: { value: \"${tags}\", type: SS, split: \"\" }|WRONG_VALUE|18|7|`split` cannot be empty.|Write the separator",
			"set policy on a non-set|      a: { value: \"${tags}\", onEmptySet: reject }|WRONG_VALUE|18|7|`onDuplicateElements` and `onEmptySet` apply to sets; attribute a is not a set.|Add `type: SS`, `NS` or `BS`",
			"epoch format without N|      a: { value: \"${ts}\", type: S, format: epoch-seconds }|WRONG_VALUE|18|7|`format: epoch-seconds` makes a number; attribute a needs `type: N`.|Add `type: N`",
			"bad date pattern in format|      a: { value: \"${ts}\", format: \"yyyy-bb\" }|WRONG_VALUE|18|7|`format: yyyy-bb` is not a date pattern|Use DateTimeFormatter letters",
			"date pattern on a number|      a: { value: \"${ts}\", type: N, format: \"yyyy\" }|WRONG_VALUE|18|7|A date pattern makes text; attribute a has type N.|Use `type: S`",
			"document type from text|      a: { value: \"x${doc}\", type: M }|WRONG_VALUE|18|7|Type M comes from a single ${column} (a JSON or array column), not from text.|use `attributes:` for a nested map",
			"unknown type|      a: { value: \"${x}\", type: SET }|WRONG_VALUE|18|33|type cannot be `SET`.|Use one of: s, n, b, bool, null, ss, ns, bs, l, m.",
			"misspelt option|      a: { value: \"${x}\", spilt: \",\" }|UNKNOWN_KEY|18|27|Unknown key `spilt` in attribute a.|Did you mean `split`?",
			"value and nested map|      a: { value: \"${x}\", attributes: { b: \"${y}\" } }|WRONG_VALUE|18|10|Attribute a has more than one of `value`, `attributes` (a nested map) and `elements` (a nested list).|Keep `value` for a template",
			// conditions
			"condition without a test|      a: { value: \"${x}\", when: { column: status } }|WRONG_VALUE|18|33|when needs exactly one test of `equals`, `in`, `notNull` and `isNull`.|{ column: status, equals: active }",
			"condition with two tests|      a: { value: \"${x}\", when: { column: status, equals: a, isNull: true } }|WRONG_VALUE|18|33|when needs exactly one test|{ column: status, equals: active }",
			"notNull false|      a: { value: \"${x}\", when: { column: status, notNull: false } }|WRONG_VALUE|18|60|when.notNull can only be `true`.|Write `notNull: true`",
			"condition column not a name|      a: { value: \"${x}\", when: { column: \"st atus\", isNull: true } }|INVALID_NAME|18|44|`st atus` is not a plain column name.|Use letters, digits and `_` only.",
			"filter equals a list|    filter: { column: status, equals: [a, b] }|WRONG_VALUE|18|39|filter.equals must be a single value.|Write it on one line",
			// unmapped columns
			"unmapped map without a name|    unmappedColumns: map|MISSING_KEY|18|22|unmappedColumns `map` needs the map attribute's name.|{ as: map, name: details }",
			"unmapped name without map|    unmappedColumns: { as: attributes, name: extra }|WRONG_VALUE|18|22|unmappedColumns needs `name` with `as: map`, and only then.|{ as: map, name: details }",
			"unmapped exclude not a name|    unmappedColumns: { exclude: [\"a b\"] }|INVALID_NAME|18|33|`a b` is not a plain column name.|Use letters, digits and `_` only.",
			// index keys
			"NULL on an index key|      gsi1pk: { value: \"${customer}\", onNull: \"null\" }|KEY_MISMATCH|18|7|`gsi1pk` is the partition key of index gsi1; DynamoDB refuses a NULL value there.|Remove `onNull: null`",
			"number into a string index key|      gsi1pk: \"${epoch_seconds(ts)}\"|KEY_MISMATCH|18|7|`gsi1pk` is the partition key of index gsi1 of type S, but item `order` makes it a number from \"${epoch_seconds(ts)}\".|Declare `type: S`" })
	@Invariant(7)
	void languageError_isReportedWithItsPositionMessageAndFix(String name, String line, ProblemCode code, int row,
			int column, String message, String fix) {
		MappingProblem problem = onlyProblem(BASE + line + "\n");

		assertThat(problem.code()).as("code").isEqualTo(code);
		assertThat(problem.location()).as("position").isEqualTo(new Location(row, column));
		assertThat(problem.message()).contains(message);
		assertThat(problem.fix()).contains(fix);
		assertThat(problem.toString()).startsWith(FILE + ":" + row + ":" + column + ": ");
	}

	@Test
	void missingIndexKey_notDeclaredOptional_isAKeyMismatchAtTheItem() {
		MappingProblem problem = onlyProblem(BASE.replace("    optionalIndexKeys: [gsi1pk]\n", ""));

		assertThat(problem.code()).isEqualTo(ProblemCode.KEY_MISMATCH);
		assertThat(problem.location()).isEqualTo(new Location(11, 5));
		assertThat(problem.message())
			.isEqualTo("Item `order` does not produce `gsi1pk`, the partition key of index gsi1.");
		assertThat(problem.fix()).isEqualTo("Add `gsi1pk: \"...\"` to its attributes, or list it under "
				+ "`optionalIndexKeys` if its items are not in that index.");
	}

	@Test
	void optionalIndexKeyThatIsNoIndexKey_isAnUnknownReference() {
		MappingProblem problem = onlyProblem(BASE.replace("[gsi1pk]", "[gsi1pk, gsi2pk]"));

		assertThat(problem.code()).isEqualTo(ProblemCode.UNKNOWN_REFERENCE);
		assertThat(problem.location()).isEqualTo(new Location(11, 5));
		assertThat(problem.message()).isEqualTo("optionalIndexKeys of item `order` names `gsi2pk`, which is no key "
				+ "attribute of an index of table shop.");
		assertThat(problem.fix()).isEqualTo("Use index key attributes: gsi1pk.");
	}

	@Test
	void embeddingAsMap_needsAKey_andOnlyListOrMapAreAllowed() {
		List<MappingProblem> problems = problems(BASE + """
				    embed:
				      - { name: lines, table: order_lines, parentColumns: [id], as: map, attributes: { q: "${qty}" } }
				      - { name: other, table: order_lines, parentColumns: [id], as: tree, attributes: { q: "${qty}" } }
				""");

		assertThat(problems).extracting(MappingProblem::location)
			.containsExactly(new Location(19, 9), new Location(20, 69));
		assertThat(problems).extracting(MappingProblem::message)
			.containsExactly(
					"An embedding `as: map` needs `key`, the child column that keys the map, and `key` needs `as: map`.",
					"An embedding is `as: list` or `as: map`, not `tree`.");
	}

	@Test
	void thirtyTwoNestingLevels_areValid_andThirtyThreeAreAProblemAtTheDeepestList() {
		assertThatCode(() -> loader.load(FILE, BASE + "      deep: " + "[".repeat(32) + "]".repeat(32) + "\n"))
			.doesNotThrowAnyException();

		MappingProblem problem = onlyProblem(BASE + "      deep: " + "[".repeat(33) + "]".repeat(33) + "\n");

		assertThat(problem.code()).isEqualTo(ProblemCode.WRONG_VALUE);
		assertThat(problem.location()).isEqualTo(new Location(18, 13 + 32));
		assertThat(problem.message()).isEqualTo("Nested maps and lists go deeper than DynamoDB's 32 levels.");
	}

	@Test
	void everyProblemOfAFile_isReportedAtOnce() {
		List<MappingProblem> problems = problems(BASE + """
				      a: "${md5(id)}"
				      b: { value: "${x}", type: S, format: epoch-millis }
				    filter: { column: status }
				""");

		assertThat(problems).extracting(MappingProblem::location)
			.containsExactly(new Location(18, 11), new Location(19, 7), new Location(20, 13));
	}

	private List<MappingProblem> problems(String yaml) {
		InvalidMappingException ex = catchThrowableOfType(InvalidMappingException.class, () -> loader.load(FILE, yaml));
		assertThat(ex).as("the mapping should be invalid:%n%s", yaml).isNotNull();
		assertThat(ex.getProblems()).allSatisfy((problem) -> {
			assertThat(problem.file()).isEqualTo(FILE);
			assertThat(problem.fix()).isNotBlank();
		});
		return ex.getProblems();
	}

	private MappingProblem onlyProblem(String yaml) {
		List<MappingProblem> problems = problems(yaml);
		assertThat(problems).as("problems").hasSize(1);
		return problems.get(0);
	}

}
