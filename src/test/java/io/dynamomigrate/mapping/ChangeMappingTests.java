package io.dynamomigrate.mapping;

import java.nio.file.Path;
import java.util.List;

import io.dynamomigrate.mapping.model.ChangeSpec;
import io.dynamomigrate.mapping.model.Condition;
import io.dynamomigrate.mapping.model.Location;
import io.dynamomigrate.mapping.model.SourceSpec;
import io.dynamomigrate.mapping.validation.InvalidMappingException;
import io.dynamomigrate.mapping.validation.MappingProblem;
import io.dynamomigrate.mapping.validation.ProblemCode;
import io.dynamomigrate.mapping.yaml.MappingLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code incremental} and {@code deletes} of an item definition: what is read
 * ({@link ChangeSpec}), and every problem with its code, message, fix and
 * file:line:column. Appended lines start at line 13.
 */
class ChangeMappingTests {

	private static final Path FILE = Path.of("mappings/shop.yml");

	private static final String BASE = """
			name: shop
			source:
			  url: "jdbc:h2:mem:shop"
			tables:
			  - name: shop
			    partitionKey: { name: pk, type: S }
			items:
			  - name: order
			    table: shop
			    source: { table: orders, key: [id] }
			    attributes:
			      pk: "ORDER#${id}"
			""";

	private static final String FILE_BASE = BASE.replace("{ table: orders, key: [id] }",
			"{ file: orders.csv, key: [id] }");

	private final MappingLoader loader = new MappingLoader((name) -> null);

	@Test
	void incrementalAndDeletes_areRead_andTombstonesTakeTheKeyOfTheItemSource() {
		ChangeSpec changes = changes(BASE + """
				    incremental: { column: updated_at, overlap: 90s }
				    deletes:
				      when: { column: deleted_at, notNull: true }
				      tombstones: { table: deleted_orders, column: deleted_at }
				""");

		assertThat(changes.incremental())
			.isEqualTo(new ChangeSpec.IncrementalSpec("updated_at", "90s", new Location(13, 18)));
		assertThat(changes.deleteWhen())
			.isEqualTo(new Condition("deleted_at", Condition.Kind.NOT_NULL, List.of(), new Location(15, 13)));
		assertThat(changes.tombstones()).isEqualTo(new ChangeSpec.TombstoneSpec(
				new SourceSpec("deleted_orders", null, List.of("id"), null, new Location(16, 19)), "deleted_at"));
	}

	@Test
	void incrementalWithoutOverlap_hasNoOverlap_andNoDeletes() {
		ChangeSpec changes = changes(BASE + "    incremental: { column: version }\n");

		assertThat(changes).isEqualTo(
				new ChangeSpec(new ChangeSpec.IncrementalSpec("version", null, new Location(13, 18)), null, null));
	}

	@Test
	void neitherIncrementalNorDeletes_isNone() {
		assertThat(changes(BASE)).isSameAs(ChangeSpec.NONE);
	}

	@Test
	void tombstones_withTheirOwnKeyAndAWhere_keepThem_withoutAnIncrementalColumn() {
		ChangeSpec changes = changes(BASE + """
				    deletes:
				      tombstones:
				        table: audit
				        key: [order_id]
				        where: "op = 'D'"
				""");

		assertThat(changes.incremental()).isNull();
		assertThat(changes.deleteWhen()).isNull();
		assertThat(changes.tombstones()).isEqualTo(new ChangeSpec.TombstoneSpec(
				new SourceSpec("audit", null, List.of("order_id"), "op = 'D'", new Location(15, 9)), null));
	}

	@Test
	void tombstones_fromAQuery_areRead() {
		ChangeSpec changes = changes(BASE
				+ "    deletes: { tombstones: { query: \"SELECT id, deleted_at FROM audit\", column: deleted_at } }\n");

		assertThat(changes.tombstones()).isEqualTo(new ChangeSpec.TombstoneSpec(
				new SourceSpec(null, "SELECT id, deleted_at FROM audit", List.of("id"), null, new Location(13, 28)),
				"deleted_at"));
	}

	@Test
	void softDeletesOnly_haveAConditionOfAnyTest() {
		ChangeSpec changes = changes(BASE + "    deletes: { when: { column: status, in: [deleted, purged] } }\n");

		assertThat(changes.deleteWhen())
			.isEqualTo(new Condition("status", Condition.Kind.IN, List.of("deleted", "purged"), new Location(13, 22)));
		assertThat(changes.tombstones()).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
			"incremental without column|    incremental: { overlap: 5m }|MISSING_KEY|13|18|incremental has no `column`.|Add `column:`.",
			"bad overlap|    incremental: { column: updated_at, overlap: soon }|WRONG_VALUE|13|49|`incremental.overlap` must be a duration or a number, not 'soon'.|Write e.g. `overlap: 90s`, `5m` or `1h` for a date/time column, or a number for a numeric column (`overlap: 0`).",
			"deletes with neither when nor tombstones|    deletes: {}|MISSING_KEY|13|14|`deletes` names neither `when` (soft-deleted rows) nor `tombstones` (a table of deleted keys).|Add e.g. `when: { column: deleted_at, notNull: true }` or `tombstones: { table: deleted_rows, column: deleted_at }`.",
			"tombstones with table and query|    deletes: { tombstones: { table: gone, query: SELECT id FROM gone } }|WRONG_VALUE|13|28|`deletes.tombstones` needs either `table` or `query`.|Write e.g. `tombstones: { table: deleted_tracks, column: deleted_at }`.",
			"tombstones with neither table nor query|    deletes: { tombstones: { column: deleted_at } }|WRONG_VALUE|13|28|`deletes.tombstones` needs either `table` or `query`.|Write e.g. `tombstones: { table: deleted_tracks, column: deleted_at }`.",
			"unknown key in incremental|    incremental: { column: updated_at, overlapp: 5m }|UNKNOWN_KEY|13|40|Unknown key `overlapp` in incremental.|Did you mean `overlap`?",
			"unknown key in deletes|    deletes: { wen: { column: deleted_at, notNull: true }, tombstones: { table: gone } }|UNKNOWN_KEY|13|16|Unknown key `wen` in deletes.|Did you mean `when`?",
			"unknown key in tombstones|    deletes: { tombstones: { table: gone, colum: deleted_at } }|UNKNOWN_KEY|13|43|Unknown key `colum` in deletes.tombstones.|Did you mean `column`?" })
	void changeError_isReportedWithItsPositionMessageAndFix(String name, String line, ProblemCode code, int row,
			int column, String message, String fix) {
		MappingProblem problem = onlyProblem(BASE + line + "\n");

		assertThat(problem.code()).as("code").isEqualTo(code);
		assertThat(problem.location()).as("position").isEqualTo(new Location(row, column));
		assertThat(problem.message()).isEqualTo(message);
		assertThat(problem.fix()).isEqualTo(fix);
		assertThat(problem.toString()).startsWith(FILE + ":" + row + ":" + column + ": ");
	}

	@Test
	void incrementalOnAFileSource_isAProblemAtTheIncrementalKey() {
		MappingProblem problem = onlyProblem(FILE_BASE + "    incremental: { column: updated_at }\n");

		assertThat(problem.code()).isEqualTo(ProblemCode.WRONG_VALUE);
		assertThat(problem.location()).isEqualTo(new Location(13, 18));
		assertThat(problem.message()).isEqualTo("`incremental` and `deletes` need a database source: a file has no "
				+ "column that tells what changed.");
		assertThat(problem.fix()).isEqualTo("Remove them, or read the records from the database.");
	}

	@Test
	void deletesOnAFileSource_isAProblemAtTheDeletesKey() {
		MappingProblem problem = onlyProblem(
				FILE_BASE + "    deletes: { when: { column: deleted_at, notNull: true } }\n");

		assertThat(problem.code()).isEqualTo(ProblemCode.WRONG_VALUE);
		assertThat(problem.location()).isEqualTo(new Location(13, 14));
		assertThat(problem.message()).startsWith("`incremental` and `deletes` need a database source");
	}

	@Test
	void everyChangeProblem_isReportedAtOnce() {
		List<MappingProblem> problems = problems(BASE + """
				    incremental: { overlap: soon }
				    deletes: { tombstones: { table: gone, query: SELECT id FROM gone } }
				""");

		assertThat(problems).extracting(MappingProblem::location)
			.containsExactly(new Location(13, 18), new Location(13, 29), new Location(14, 28));
		assertThat(problems).extracting(MappingProblem::code)
			.containsExactly(ProblemCode.MISSING_KEY, ProblemCode.WRONG_VALUE, ProblemCode.WRONG_VALUE);
	}

	@Test
	void incrementalColumn_thatIsNoPlainName_isAnInvalidName() {
		MappingProblem problem = onlyProblem(
				BASE + "    incremental: { column: \"updated_at) FROM orders; DROP TABLE orders; --\" }\n");

		assertThat(problem.code()).isEqualTo(ProblemCode.INVALID_NAME);
		assertThat(problem.location()).isEqualTo(new Location(13, 29));
		assertThat(problem.message())
			.isEqualTo("`updated_at) FROM orders; DROP TABLE orders; --` is not a plain column name.");
		assertThat(problem.fix()).isEqualTo(
				"Use letters, digits and `_` only; for an expression, select it as a column " + "in a source query.");
	}

	@Test
	void tombstoneTable_thatIsNoPlainName_isAnInvalidName() {
		MappingProblem problem = onlyProblem(
				BASE + "    deletes: { tombstones: { table: \"gone; DROP TABLE orders\" } }\n");

		assertThat(problem.code()).isEqualTo(ProblemCode.INVALID_NAME);
		assertThat(problem.location()).isEqualTo(new Location(13, 28));
		assertThat(problem.message()).isEqualTo("`gone; DROP TABLE orders` is not a plain table name.");
	}

	private ChangeSpec changes(String yaml) {
		return loader.load(FILE, yaml).items().get(0).changes();
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
