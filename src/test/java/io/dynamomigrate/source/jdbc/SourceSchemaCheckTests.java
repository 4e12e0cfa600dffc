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
 * Checks a mapping's columns against a real (in-memory H2) database. Positions are
 * line:column of the YAML below.
 */
class SourceSchemaCheckTests {

	private static final Path FILE = Path.of("mappings/crm.yml");

	private static final String VALID = """
			name: crm
			source:
			  url: "jdbc:h2:mem:not-used-by-the-check"
			tables:
			  - name: crm
			    partitionKey: { name: pk, type: S }
			items:
			  - name: customer
			    table: crm
			    source: { table: customers, key: [customer_id] }
			    attributes:
			      pk: "CUSTOMER#${customer_id}"
			      name: "${name}"
			      country: "${country}"
			    embed:
			      - name: addresses
			        table: addresses
			        parentColumns: [customer_id]
			        orderBy: [position]
			        attributes:
			          city: "${city}"
			""";

	private static final String CUSTOMER_COLUMNS = "Use one of: country, customer_id, name.";

	private static final String ADDRESS_COLUMNS = "Use one of: city, customer_id, position.";

	private JdbcDataSource dataSource;

	@BeforeEach
	void createSchema() throws SQLException {
		dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:schema-check-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		execute("CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, country CHAR(2))",
				"CREATE TABLE addresses (customer_id INTEGER NOT NULL, position INTEGER NOT NULL, city VARCHAR(100), "
						+ "PRIMARY KEY (customer_id, position))",
				"INSERT INTO customers VALUES (1, 'Ada', 'GB')");
	}

	@AfterEach
	void dropDatabase() throws SQLException {
		execute("SHUTDOWN");
	}

	@Test
	void mappingThatMatchesTheSchema_hasNoProblems() {
		assertThat(check(VALID)).isEmpty();
	}

	@Test
	void unknownTemplateColumn_isReportedAtTheTemplateWithTheRealColumns() {
		List<MappingProblem> problems = check(VALID.replace("\"${country}\"", "\"${countri}\""));

		assertThat(problems).singleElement().satisfies((problem) -> {
			assertThat(problem.code()).isEqualTo(ProblemCode.UNKNOWN_REFERENCE);
			assertThat(problem.location()).isEqualTo(new Location(14, 17));
			assertThat(problem.message()).isEqualTo("The column `countri` does not exist in customers.");
			assertThat(problem.fix()).isEqualTo(CUSTOMER_COLUMNS);
			assertThat(problem).hasToString("mappings/crm.yml:14:17: The column `countri` does not exist in "
					+ "customers. Fix: " + CUSTOMER_COLUMNS);
		});
	}

	@Test
	void unknownColumnInsideAMixedTemplate_isReportedAtTheTemplatesStart() {
		List<MappingProblem> problems = check(
				VALID.replace("\"CUSTOMER#${customer_id}\"", "\"CUSTOMER#${customer_id}#${region}\""));

		assertThat(problems).extracting(MappingProblem::code, MappingProblem::location, MappingProblem::fix)
			.containsExactly(tuple(ProblemCode.UNKNOWN_REFERENCE, new Location(12, 12), CUSTOMER_COLUMNS));
		assertThat(problems.get(0).message()).contains("`region`");
	}

	@Test
	void columnNames_areComparedWithoutRegardToCase() {
		assertThat(check(
				VALID.replace("\"${country}\"", "\"${COUNTRY}\"").replace("key: [customer_id]", "key: [Customer_Id]")))
			.isEmpty();
	}

	@Test
	void unknownKeyColumn_isReportedAtTheSource() {
		List<MappingProblem> problems = check(VALID.replace("key: [customer_id]", "key: [customer_id, tenant_id]"));

		assertThat(problems).singleElement().satisfies((problem) -> {
			assertThat(problem.code()).isEqualTo(ProblemCode.UNKNOWN_REFERENCE);
			assertThat(problem.location()).isEqualTo(new Location(10, 13));
			assertThat(problem.message()).isEqualTo("The key column `tenant_id` does not exist in customers.");
			assertThat(problem.fix()).isEqualTo(CUSTOMER_COLUMNS);
		});
	}

	@Test
	void unknownSourceTable_isReportedOnce_andItsColumnsAreNotCheckedFurther() {
		List<MappingProblem> problems = check(VALID.replace("{ table: customers,", "{ table: clients,"));

		assertThat(problems).singleElement().satisfies((problem) -> {
			assertThat(problem.code()).isEqualTo(ProblemCode.UNKNOWN_REFERENCE);
			assertThat(problem.location()).isEqualTo(new Location(10, 13));
			assertThat(problem.message()).startsWith("Cannot read clients from the source database: ")
				.containsIgnoringCase("\"CLIENTS\" not found");
			assertThat(problem.fix()).contains("Check the table name");
		});
	}

	@Test
	void unknownChildColumnOfAnEmbedding_isReportedWithTheChildTablesColumns() {
		List<MappingProblem> problems = check(VALID.replace("        parentColumns: [customer_id]\n",
				"        parentColumns: [customer_id]\n        childColumns: [client_id]\n"));

		assertThat(problems).singleElement().satisfies((problem) -> {
			assertThat(problem.code()).isEqualTo(ProblemCode.UNKNOWN_REFERENCE);
			assertThat(problem.location()).isEqualTo(new Location(16, 9));
			assertThat(problem.message()).isEqualTo("The child column `client_id` does not exist in addresses.");
			assertThat(problem.fix()).isEqualTo(ADDRESS_COLUMNS);
		});
	}

	@Test
	void everyUnknownColumnOfAnEmbedding_isReported() {
		List<MappingProblem> problems = check(VALID.replace("parentColumns: [customer_id]", "parentColumns: [cust_id]")
			.replace("orderBy: [position]", "orderBy: [pos]")
			.replace("\"${city}\"", "\"${town}\""));

		assertThat(problems).extracting(MappingProblem::location, MappingProblem::message, MappingProblem::fix)
			.containsExactly(
					tuple(new Location(16, 9), "The parent column `cust_id` does not exist in customers.",
							CUSTOMER_COLUMNS),
					tuple(new Location(16, 9), "The child column `cust_id` does not exist in addresses.",
							ADDRESS_COLUMNS),
					tuple(new Location(16, 9), "The orderBy column `pos` does not exist in addresses.",
							ADDRESS_COLUMNS),
					tuple(new Location(21, 18), "The column `town` does not exist in addresses.", ADDRESS_COLUMNS));
	}

	@Test
	void unknownEmbeddedTable_isReportedAtTheEmbedding() {
		List<MappingProblem> problems = check(
				VALID.replace("        table: addresses\n", "        table: postal_addresses\n"));

		assertThat(problems).singleElement().satisfies((problem) -> {
			assertThat(problem.location()).isEqualTo(new Location(16, 9));
			assertThat(problem.message()).startsWith("Cannot read postal_addresses from the source database");
		});
	}

	@Test
	void querySource_isCheckedAgainstTheQuerysColumns() {
		List<MappingProblem> problems = check(VALID
			.replace("{ table: customers, key: [customer_id] }",
					"{ query: \"SELECT customer_id, UPPER(name) AS display FROM customers\", key: [customer_id] }")
			.replace("\"${name}\"", "\"${display}\""));

		assertThat(problems).extracting(MappingProblem::location, MappingProblem::message, MappingProblem::fix)
			.containsExactly(tuple(new Location(14, 17), "The column `country` does not exist in query.",
					"Use one of: customer_id, display."));
	}

	private List<MappingProblem> check(String yaml) {
		MappingSpec spec = new MappingLoader((name) -> null).load(FILE, yaml);
		Problems problems = new Problems(FILE);
		new SourceSchemaCheck(dataSource).check(spec, problems);
		return problems.list();
	}

	private void execute(String... statements) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
