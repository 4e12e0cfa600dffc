package io.dynamomigrate.mapping;

import java.nio.file.Path;
import java.util.List;

import io.dynamomigrate.mapping.model.Location;
import io.dynamomigrate.mapping.validation.InvalidMappingException;
import io.dynamomigrate.mapping.validation.MappingProblem;
import io.dynamomigrate.mapping.validation.ProblemCode;
import io.dynamomigrate.mapping.yaml.MappingLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A mapping with many mistakes is reported in one go, in file order, so a user fixes
 * everything in one pass.
 */
class MappingProblemsReportTests {

	private static final Path FILE = Path.of("mappings/broken.yml");

	private static final String BROKEN = """
			name: shop
			source:
			  url: { env: SHOP_URL }
			tables:
			  - name: orders
			    partitionKey: { name: pk, type: S }
			    sortKey: { name: sk, type: N }
			    billingMod: provisioned
			items:
			  - name: order
			    table: orders
			    chunkSize: lots
			    source: { table: "orders; drop table x", key: [id] }
			    attributes:
			      pk: "ORDER#${id"
			      sk: { value: "${line_no}", type: S }
			  - name: customer
			    table: customer
			    source: { table: customers, query: "SELECT * FROM customers", key: [customer_id] }
			    attributes:
			      pk: "CUSTOMER#${customer_id}"
			      pk: "${a.b}"
			""";

	@Test
	void everyProblem_isReportedInOneExceptionSortedByLine() {
		InvalidMappingException ex = catchThrowableOfType(InvalidMappingException.class,
				() -> new MappingLoader((name) -> null).load(FILE, BROKEN));

		List<MappingProblem> problems = ex.getProblems();
		assertThat(problems).extracting(MappingProblem::code, MappingProblem::location)
			.containsExactly(tuple(ProblemCode.MISSING_ENVIRONMENT, new Location(3, 8)),
					tuple(ProblemCode.UNKNOWN_KEY, new Location(8, 5)),
					tuple(ProblemCode.WRONG_VALUE, new Location(12, 16)),
					tuple(ProblemCode.INVALID_NAME, new Location(13, 13)),
					tuple(ProblemCode.TEMPLATE_SYNTAX, new Location(15, 18)),
					tuple(ProblemCode.KEY_MISMATCH, new Location(16, 7)),
					tuple(ProblemCode.UNKNOWN_REFERENCE, new Location(17, 5)),
					tuple(ProblemCode.WRONG_VALUE, new Location(19, 13)),
					tuple(ProblemCode.DUPLICATE_NAME, new Location(22, 7)),
					tuple(ProblemCode.TEMPLATE_SYNTAX, new Location(22, 12)));
		assertThat(problems.stream().map(MappingProblem::code).distinct()).as("kinds of problem").hasSize(8);
		assertThat(problems).isSortedAccordingTo((a, b) -> Integer.compare(a.location().line(), b.location().line()));
		assertThat(ex.getMessage()).startsWith("10 problems in the mapping:\n")
			.contains("mappings/broken.yml:3:8: The environment variable SHOP_URL")
			.contains("mappings/broken.yml:22:12: ${a.b} is not a column name");
		assertThat(ex.getMessage().lines().skip(1)).hasSize(10)
			.allSatisfy((line) -> assertThat(line).matches("mappings/broken\\.yml:\\d+:\\d+: .+ Fix: .+"));
	}

}
