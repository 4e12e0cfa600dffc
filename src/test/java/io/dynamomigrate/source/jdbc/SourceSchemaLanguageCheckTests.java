package io.dynamomigrate.source.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import io.dynamomigrate.mapping.model.Location;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.validation.MappingProblem;
import io.dynamomigrate.mapping.validation.ProblemCode;
import io.dynamomigrate.mapping.validation.Problems;
import io.dynamomigrate.mapping.yaml.MappingLoader;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The columns of functions, filters, {@code when} conditions, unmapped-column exclusions
 * and map embeddings are checked against a real H2 schema, and key attributes typed by
 * their column must match the table's key types. Appended lines start at line 13.
 */
class SourceSchemaLanguageCheckTests {

	private static final Path FILE = Path.of("mappings/crm.yml");

	private static final String BASE = """
			name: crm
			source:
			  url: "jdbc:h2:mem:not-used-by-the-check"
			tables:
			  - name: crm
			    partitionKey: { name: pk, type: S }
			    sortKey: { name: sk, type: N }
			items:
			  - name: customer
			    table: crm
			    source: { table: customers, key: [customer_id] }
			    attributes:
			""";

	private static final String COLUMNS = "Use one of: customer_id, doc, name, since, tags, vip.";

	private JdbcDataSource dataSource;

	@BeforeEach
	void createSchema() throws SQLException {
		dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:language-check-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			s.execute("CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, name VARCHAR(100), since TIMESTAMP, "
					+ "vip BOOLEAN, tags VARCHAR(100) ARRAY, doc JSON)");
			s.execute("CREATE TABLE orders (customer_id INTEGER, line_no INTEGER, qty INTEGER)");
		}
	}

	@AfterEach
	void dropDatabase() throws SQLException {
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			s.execute("SHUTDOWN");
		}
	}

	@Test
	void everyLanguageFeatureOverExistingColumns_hasNoProblems() {
		assertThat(check(BASE + """
				      pk: "C#${lower(name)}#${shard(customer_id, 8)}"
				      sk: "${customer_id}"
				      tags: { value: "${tags}", type: SS }
				      doc: "${doc}"
				      ttl: { value: "${since}", type: N, format: epoch-seconds, when: { column: vip, equals: "true" } }
				    filter: { column: name, notNull: true }
				    unmappedColumns: { as: attributes, exclude: [vip] }
				    embed:
				      - { name: orders, table: orders, parentColumns: [customer_id], as: map, key: line_no,
				          attributes: { qty: "${qty}" } }
				""")).isEmpty();
	}

	@Test
	void unknownColumnsInFunctionsFiltersConditionsExclusionsAndMapKeys_areEachReported() {
		List<MappingProblem> problems = check(BASE + """
				      pk: "C#${lower(nam)}"
				      sk: "${customer_id}"
				      a: { value: "x", when: { column: vipp, isNull: true } }
				    filter: { column: status, equals: active }
				    unmappedColumns: { exclude: [secret] }
				    embed:
				      - { name: orders, table: orders, parentColumns: [customer_id], as: map, key: line,
				          attributes: { qty: "${qty}" } }
				""");

		assertThat(problems).extracting(MappingProblem::code).containsOnly(ProblemCode.UNKNOWN_REFERENCE);
		assertThat(problems).extracting(MappingProblem::location, MappingProblem::message, MappingProblem::fix)
			.containsExactlyInAnyOrder(
					tuple(new Location(13, 12), "The column `nam` does not exist in customers.", COLUMNS),
					tuple(new Location(15, 30), "The `when` column `vipp` does not exist in customers.", COLUMNS),
					tuple(new Location(16, 13), "The filter column `status` does not exist in customers.", COLUMNS),
					tuple(new Location(17, 22), "The excluded column `secret` does not exist in customers.", COLUMNS),
					tuple(new Location(19, 9), "The map key column `line` does not exist in orders.",
							"Use one of: customer_id, line_no, qty."));
	}

	@Test
	void keyAttributeTypedByItsColumn_mustHaveTheTablesKeyType() {
		List<MappingProblem> problems = check(BASE + """
				      pk: "${vip}"
				      sk: "${name}"
				""");

		assertThat(problems).extracting(MappingProblem::code).containsOnly(ProblemCode.KEY_MISMATCH);
		assertThat(problems).extracting(MappingProblem::location, MappingProblem::message)
			.containsExactly(
					tuple(new Location(13, 12),
							"`pk` must be of type S, but the column `vip` of customers makes it BOOL."),
					tuple(new Location(14, 12),
							"`sk` must be of type N, but the column `name` of customers makes it S."));
		assertThat(problems.get(0).fix())
			.isEqualTo("Declare `type: S` to convert the value, or cast the column in " + "a source query.");
	}

	@Test
	void declaredKeyTypes_convertTheColumn_andAreNotCheckedAgainstIt() {
		assertThat(check(BASE + """
				      pk: { value: "${vip}", type: S }
				      sk: { value: "${name}", type: N }
				""")).isEmpty();
	}

	@Test
	void incrementalDeleteAndTombstoneColumns_areCheckedInTheirTables() {
		List<MappingProblem> problems = check(BASE + """
				      pk: "C#${name}"
				      sk: "${customer_id}"
				    incremental: { column: updated }
				    deletes:
				      when: { column: gone, notNull: true }
				      tombstones: { table: orders, key: [line_no], column: deleted_at }
				""");

		String orders = "Use one of: customer_id, line_no, qty.";
		assertThat(problems).extracting(MappingProblem::code).containsOnly(ProblemCode.UNKNOWN_REFERENCE);
		assertThat(problems).extracting(MappingProblem::location, MappingProblem::message, MappingProblem::fix)
			.containsExactlyInAnyOrder(
					tuple(new Location(15, 18), "The incremental column `updated` does not exist in customers.",
							COLUMNS),
					tuple(new Location(17, 13), "The `deletes.when` column `gone` does not exist in customers.",
							COLUMNS),
					tuple(new Location(18, 19), "The tombstone column `deleted_at` does not exist in orders.", orders),
					// the tombstones must give every column the key attributes read: `sk`
					// reads customer_id, which
					// orders has; `pk` reads name, which it lacks
					tuple(new Location(18, 19), "The `pk` key column `name` does not exist in orders.", orders));
	}

	private List<MappingProblem> check(String yaml) {
		MappingSpec spec = new MappingLoader((name) -> null).load(FILE, yaml);
		Problems problems = new Problems(FILE);
		new SourceSchemaCheck(dataSource).check(spec, problems);
		return problems.list();
	}

}
