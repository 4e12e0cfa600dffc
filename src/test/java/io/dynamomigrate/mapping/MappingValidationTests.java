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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * One test per kind of problem. Positions are 1-based line:column of the YAML text in
 * each test; the valid mapping below is the starting point of each broken one.
 */
class MappingValidationTests {

	private static final Path FILE = Path.of("mappings/shop.yml");

	private static final String VALID = """
			name: shop
			source:
			  url: "jdbc:h2:mem:shop"
			tables:
			  - name: orders
			    partitionKey: { name: pk, type: S }
			    sortKey: { name: sk, type: N }
			items:
			  - name: order
			    table: orders
			    source: { table: orders, key: [id] }
			    attributes:
			      pk: "ORDER#${id}"
			      sk: { value: "${line_no}", type: N }
			""";

	private final MappingLoader loader = new MappingLoader((name) -> null);

	@Test
	void validMapping_loadsWithoutProblems() {
		assertThatCode(() -> loader.load(FILE, VALID)).doesNotThrowAnyException();
	}

	// --- YAML syntax

	@Test
	void yamlSyntaxError_isReportedAtTheOffendingCharacter() {
		MappingProblem problem = onlyProblem("""
				name: shop
				source:
				  url: jdbc:h2:mem:shop
				  user: sa: admin
				""");

		assertProblem(problem, ProblemCode.YAML_SYNTAX, 4, 11);
		assertThat(problem.message()).startsWith("Not valid YAML: ").contains("mapping values are not allowed");
		assertThat(problem.fix()).contains("quote values that contain `: `");
	}

	@Test
	void yamlSyntaxError_unclosedFlowMapping_isReportedWhereTheParserGaveUp() {
		MappingProblem problem = onlyProblem("""
				name: shop
				tables:
				  - { name: orders, partitionKey: { name: pk }
				items: []
				""");

		assertProblem(problem, ProblemCode.YAML_SYNTAX, 4, 1);
		assertThat(problem.message()).contains("expected ',' or '}'");
	}

	@Test
	void controlCharacter_isAYamlProblemWithItsPosition() {
		MappingProblem problem = onlyProblem("name: shop\nsource:\n  url: jdbc\u0007\n");

		assertProblem(problem, ProblemCode.YAML_SYNTAX, 3, 12);
		assertThat(problem.message()).contains("U+0007");
	}

	@Test
	void aliasBomb_isRefusedAsAYamlProblem() {
		StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
		for (int i = 0; i < 12; i++) {
			yaml.append("b").append(i).append(": [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n");
		}

		MappingProblem problem = onlyProblem(yaml.toString());

		assertThat(problem.code()).isEqualTo(ProblemCode.YAML_SYNTAX);
		assertThat(problem.message()).contains("aliases");
	}

	@Test
	void aliasBomb_namesTheLineOfTheEleventhCollectionAlias() {
		StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
		for (int i = 0; i < 12; i++) {
			yaml.append("b").append(i).append(": *a\n");
		}

		MappingProblem problem = onlyProblem(yaml.toString());

		assertProblem(problem, ProblemCode.YAML_SYNTAX, 12, 6);
		assertThat(problem.message()).isEqualTo("More than 10 aliases of lists or maps; this one is *a.");
	}

	@Test
	void scalarAliasUsedHundredsOfTimes_inAMegabyteFile_isOneProblemNotOutOfMemory() {
		String big = "x".repeat(1_300_000);
		StringBuilder yaml = new StringBuilder(VALID).append("      big: &big \"").append(big).append("\"\n");
		for (int i = 0; i < 500; i++) {
			yaml.append("      a").append(i).append(": *big\n");
		}

		MappingProblem problem = onlyProblem(yaml.toString());

		assertProblem(problem, ProblemCode.YAML_SYNTAX, 15, 1);
		assertThat(problem.message()).isEqualTo(
				"The mapping file has %,d characters; a mapping may have at most " + "1,000,000 (here that many end).",
				yaml.length());
	}

	@Test
	void scalarAliasesExpandingPastTheLimit_namesTheAliasThatCrossesIt() {
		StringBuilder yaml = new StringBuilder(VALID).append("      big: &big \"")
			.append("x".repeat(10_000))
			.append("\"\n");
		for (int i = 0; i < 500; i++) {
			yaml.append("      a").append(i).append(": *big\n");
		}

		MappingProblem problem = onlyProblem(yaml.toString());

		assertProblem(problem, ProblemCode.YAML_SYNTAX, 15 + 99, 12);
		assertThat(problem.message()).isEqualTo("With its aliases expanded, the mapping has more than 1,000,000 "
				+ "characters here (the alias *big stands for 10,000).");
	}

	@Test
	void recursiveAliasUnderAttributes_isAProblemAtTheAlias_notAStackOverflow() {
		MappingProblem problem = onlyProblem(
				VALID.replace("    attributes:\n", "    attributes: &loop\n      again: *loop\n"));

		assertProblem(problem, ProblemCode.YAML_SYNTAX, 13, 14);
		assertThat(problem.message())
			.isEqualTo("The alias *loop is inside the list or map &loop that it names, so " + "it would never end.");
	}

	@Test
	void deepNesting_isAProblemAtTheLineThatGoesTooDeep() {
		StringBuilder yaml = new StringBuilder(VALID);
		String indent = "      ";
		for (int level = 0; level < 60; level++) {
			yaml.append(indent).append("n").append(level).append(":\n");
			indent += "  ";
		}
		yaml.append(indent).append("leaf: x\n");

		MappingProblem problem = onlyProblem(yaml.toString());

		assertThat(problem.code()).isEqualTo(ProblemCode.YAML_SYNTAX);
		// the 49th level: the map under n44 (the document, items, the item, attributes
		// and n0 to n44's maps),
		// which starts with n45 on line 15 + 45
		assertThat(problem.location().line()).isEqualTo(15 + 45);
		assertThat(problem.message()).isEqualTo("Lists and maps are nested more than 48 levels deep here.");
	}

	@Test
	void emptyFile_isAMissingKeyProblem() {
		MappingProblem problem = onlyProblem("# nothing here\n");

		assertThat(problem.code()).isEqualTo(ProblemCode.MISSING_KEY);
		assertThat(problem.location()).isEqualTo(Location.NONE);
		assertThat(problem.message()).isEqualTo("The mapping file is empty.");
		assertThat(problem.toString()).startsWith("mappings/shop.yml: The mapping file is empty.");
	}

	@Test
	@Invariant(7)
	void javaClassTag_isRefusedBeforeAnythingIsConstructed() {
		MappingProblem problem = onlyProblem(VALID.replace("name: shop", "name: !!java.lang.ProcessBuilder [calc]"));

		assertProblem(problem, ProblemCode.YAML_SYNTAX, 1, 7);
		assertThat(problem.message()).contains("Global tag is not allowed").contains("java.lang.ProcessBuilder");
	}

	// --- keys

	@Test
	void unknownKey_isReportedWithLineColumnAndSuggestion() {
		MappingProblem problem = onlyProblem(VALID.replace("    sortKey: { name: sk, type: N }\n",
				"    sortKey: { name: sk, type: N }\n    billingMod: provisioned\n"));

		assertProblem(problem, ProblemCode.UNKNOWN_KEY, 8, 5);
		assertThat(problem.message()).isEqualTo("Unknown key `billingMod` in a table.");
		assertThat(problem.fix()).isEqualTo("Did you mean `billingMode`?");
	}

	@Test
	void unknownKey_withoutACloseMatch_listsTheAllowedKeys() {
		MappingProblem problem = onlyProblem("""
				name: shop
				source:
				  url: "jdbc:h2:mem:shop"
				tables:
				  - name: orders
				    partitionKey: { name: pk, type: S }
				items:
				  - name: order
				    table: orders
				    source: { table: orders, key: [id], colour: red }
				    attributes:
				      pk: "ORDER#${id}"
				""");

		assertProblem(problem, ProblemCode.UNKNOWN_KEY, 10, 41);
		assertThat(problem.message()).contains("`colour`").contains("source");
		assertThat(problem.fix())
			.isEqualTo("Allowed keys here: table, query, key, where, file, format, csv, maxRecordSize, s3EndpointUrl.");
	}

	@Test
	void missingRequiredKeys_areEachReportedWhereTheyBelong() {
		List<MappingProblem> problems = problems("""
				name: shop
				source:
				  user: sa
				tables:
				  - name: orders
				    sortKey: { name: sk, type: N }
				items:
				  - name: order
				    table: orders
				    source: { table: orders }
				    attributes:
				      pk: "ORDER#${id}"
				      sk: { type: N }
				""");

		assertThat(problems).extracting(MappingProblem::code).containsOnly(ProblemCode.MISSING_KEY);
		assertThat(problems).extracting(MappingProblem::location)
			.containsExactly(new Location(3, 3), new Location(5, 5), new Location(10, 13), new Location(13, 11));
		assertThat(problems).extracting(MappingProblem::message)
			.containsExactly("source has no `url`.", "No `partitionKey` given.", "The source has no `key` columns.",
					"Attribute sk has no `value`.");
		assertThat(problems).extracting(MappingProblem::fix)
			.containsExactly("Add the JDBC URL, e.g. `url: jdbc:postgresql://host:5432/db`, or `{ env: SOURCE_URL }`.",
					"Add `partitionKey: { name: pk, type: S }`.",
					"Add `key: [id]` with the columns that identify a row; rows are read and resumed in that order.",
					"Add `value:`.");
	}

	@Test
	void missingTablesAndItems_areReportedAtTheTopOfTheFile() {
		List<MappingProblem> problems = problems("""
				name: shop
				source: { url: "jdbc:h2:mem:shop" }
				""");

		assertThat(problems).extracting(MappingProblem::code)
			.containsExactly(ProblemCode.MISSING_KEY, ProblemCode.MISSING_KEY);
		assertThat(problems).extracting(MappingProblem::location).containsOnly(new Location(1, 1));
		assertThat(problems).extracting(MappingProblem::message)
			.containsExactlyInAnyOrder("The mapping has no `tables`.", "The mapping has no `items`.");
	}

	// --- wrong values

	@Test
	void textForANumber_isAWrongValueNamingTheRange() {
		MappingProblem problem = onlyProblem(
				VALID.replace("    table: orders\n", "    table: orders\n    chunkSize: lots\n"));

		assertProblem(problem, ProblemCode.WRONG_VALUE, 11, 16);
		assertThat(problem.message()).isEqualTo("chunkSize must be a whole number from 1 to 10000, not `lots`.");
		assertThat(problem.fix()).isEqualTo("Write a number such as 500.");
	}

	@Test
	void numberOutOfRange_isAWrongValue() {
		MappingProblem problem = onlyProblem(
				VALID.replace("    table: orders\n", "    table: orders\n    chunkSize: 0\n"));

		assertProblem(problem, ProblemCode.WRONG_VALUE, 11, 16);
		assertThat(problem.message()).contains("not `0`");
	}

	@Test
	void badEnumValue_listsTheAllowedValues() {
		MappingProblem problem = onlyProblem(
				VALID.replace("    table: orders\n", "    table: orders\n    onDuplicateKey: newest\n"));

		assertProblem(problem, ProblemCode.WRONG_VALUE, 11, 21);
		assertThat(problem.message()).isEqualTo("onDuplicateKey cannot be `newest`.");
		assertThat(problem.fix()).isEqualTo("Use one of: last-wins, first-wins, reject.");
	}

	@Test
	void badAttributeType_listsTheTypes() {
		MappingProblem problem = onlyProblem(VALID.replace("      sk: { value: \"${line_no}\", type: N }",
				"      sk: { value: \"${line_no}\", type: NUMBER }"));

		assertProblem(problem, ProblemCode.WRONG_VALUE, 14, 40);
		assertThat(problem.message()).isEqualTo("type cannot be `NUMBER`.");
		assertThat(problem.fix()).isEqualTo("Use one of: s, n, b, bool, null, ss, ns, bs, l, m.");
	}

	@Test
	void mapWhereAListBelongs_isAWrongValue() {
		MappingProblem problem = onlyProblem("""
				name: shop
				source:
				  url: "jdbc:h2:mem:shop"
				tables:
				  name: orders
				items: []
				""");

		assertProblem(problem, ProblemCode.WRONG_VALUE, 5, 3);
		assertThat(problem.message()).isEqualTo("tables must be a list.");
	}

	@Test
	void endpointThatIsNotAnUrl_isAWrongValue() {
		MappingProblem problem = onlyProblem(
				VALID.replace("tables:\n", "dynamodb: { endpoint: \"ftp://dynamo\" }\ntables:\n"));

		assertProblem(problem, ProblemCode.WRONG_VALUE, 4, 11);
		assertThat(problem.message()).contains("`ftp://dynamo`");
	}

	// --- names

	@Test
	void invalidTableName_isAnInvalidName() {
		MappingProblem problem = onlyProblem(VALID.replace("  - name: orders\n", "  - name: \"my orders\"\n")
			.replace("    table: orders\n", "    table: my orders\n"));

		assertProblem(problem, ProblemCode.INVALID_NAME, 5, 5);
		assertThat(problem.message()).isEqualTo("`my orders` is not a valid DynamoDB table name.");
		assertThat(problem.fix()).contains("3 to 255");
	}

	@Test
	void invalidIndexName_isAnInvalidName() {
		MappingProblem problem = onlyProblem(VALID.replace("items:\n", """
				    globalSecondaryIndexes:
				      - { name: by/customer, partitionKey: { name: customer, type: S } }
				items:
				""") + "    optionalIndexKeys: [customer]\n");

		assertProblem(problem, ProblemCode.INVALID_NAME, 9, 9);
		assertThat(problem.message()).isEqualTo("`by/customer` is not a valid index name.");
	}

	@Test
	void invalidStepName_isAnInvalidName() {
		MappingProblem problem = onlyProblem(VALID.replace("  - name: order\n", "  - name: order lines\n"));

		assertProblem(problem, ProblemCode.INVALID_NAME, 9, 5);
		assertThat(problem.message()).isEqualTo("The item name `order lines` is not usable as a step name.");
	}

	@Test
	void invalidMappingName_isReportedAtTheName() {
		MappingProblem problem = onlyProblem(VALID.replace("name: shop\n", "name: shop/2024\n"));

		assertProblem(problem, ProblemCode.INVALID_NAME, 1, 7);
		assertThat(problem.message()).contains("`shop/2024`").contains("job name");
	}

	// --- templates

	@Test
	void unclosedTemplateReference_isATemplateSyntaxProblemAtTheDollar() {
		MappingProblem problem = onlyProblem(VALID.replace("\"ORDER#${id}\"", "\"ORDER#${id\""));

		assertProblem(problem, ProblemCode.TEMPLATE_SYNTAX, 13, 18);
		assertThat(problem.message()).contains("ORDER#${id").contains("without a closing }");
	}

	@Test
	void dottedTemplateReference_isATemplateSyntaxProblem() {
		MappingProblem problem = onlyProblem(
				VALID.replace("    attributes:\n", "    attributes:\n      total: \"${o.total}\"\n"));

		assertProblem(problem, ProblemCode.TEMPLATE_SYNTAX, 13, 15);
		assertThat(problem.message()).contains("${o.total}");
	}

	@Test
	void expressionTemplate_isATemplateSyntaxProblem() {
		MappingProblem problem = onlyProblem(VALID.replace("    attributes:\n",
				"    attributes:\n      total: { value: \"x #{T(java.lang.Runtime).getRuntime()}\" }\n"));

		assertProblem(problem, ProblemCode.TEMPLATE_SYNTAX, 13, 26);
		assertThat(problem.message()).contains("#{...}");
	}

	// --- references and duplicates

	@Test
	void unknownTableReference_suggestsTheClosestTable() {
		MappingProblem problem = onlyProblem(VALID.replace("    table: orders\n", "    table: order\n"));

		assertProblem(problem, ProblemCode.UNKNOWN_REFERENCE, 9, 5);
		assertThat(problem.message())
			.isEqualTo("Item `order` writes to the table `order`, which `tables` does not define.");
		assertThat(problem.fix()).isEqualTo("Did you mean `orders`?");
	}

	@Test
	void unknownTableReference_withoutACloseMatch_listsTheDefinedTables() {
		MappingProblem problem = onlyProblem(VALID.replace("    table: orders\n", "    table: customers\n"));

		assertProblem(problem, ProblemCode.UNKNOWN_REFERENCE, 9, 5);
		assertThat(problem.fix()).isEqualTo("Use one of the tables defined under `tables`: orders.");
	}

	@Test
	void duplicateAttribute_isReportedAtTheSecondOne() {
		MappingProblem problem = onlyProblem(VALID + "      pk: \"ORDER#${order_id}\"\n");

		assertProblem(problem, ProblemCode.DUPLICATE_NAME, 15, 7);
		assertThat(problem.message()).isEqualTo("The attribute `pk` is defined twice in item order.");
	}

	@Test
	void duplicateTable_isReportedAtTheSecondOne() {
		MappingProblem problem = onlyProblem(VALID.replace("items:\n", """
				  - name: orders
				    partitionKey: { name: pk, type: S }
				    sortKey: { name: sk, type: N }
				items:
				"""));

		assertProblem(problem, ProblemCode.DUPLICATE_NAME, 8, 5);
		assertThat(problem.message()).isEqualTo("The table `orders` is defined twice.");
	}

	@Test
	void duplicateItemName_isReportedAtTheSecondItem() {
		MappingProblem problem = onlyProblem(VALID + """
				  - name: order
				    table: orders
				    source: { table: archived_orders, key: [id] }
				    attributes: { pk: "ORDER#${id}", sk: { value: "${line_no}", type: N } }
				""");

		assertProblem(problem, ProblemCode.DUPLICATE_NAME, 15, 5);
		assertThat(problem.message()).isEqualTo("Two item definitions are named `order`.");
	}

	@Test
	void duplicateKeyInAMap_isReportedAtTheSecondKey() {
		MappingProblem problem = onlyProblem(
				VALID.replace("    table: orders\n", "    table: orders\n    table: orders\n"));

		assertProblem(problem, ProblemCode.DUPLICATE_NAME, 11, 5);
		assertThat(problem.message()).isEqualTo("`table` appears twice in an item definition.");
	}

	@Test
	void duplicateEmbeddingNames_areReported() {
		List<MappingProblem> problems = problems(VALID + """
				    embed:
				      - { name: lines, table: order_lines, parentColumns: [id], attributes: { sku: "${sku}" } }
				      - { name: lines, table: order_notes, parentColumns: [id], attributes: { note: "${note}" } }
				      - { name: pk, table: order_tags, parentColumns: [id], attributes: { tag: "${tag}" } }
				""");

		assertThat(problems).extracting(MappingProblem::code)
			.containsExactly(ProblemCode.DUPLICATE_NAME, ProblemCode.DUPLICATE_NAME);
		assertThat(problems).extracting(MappingProblem::location)
			.containsExactly(new Location(17, 9), new Location(18, 9));
		assertThat(problems.get(0).message()).isEqualTo("Item `order` has two embeddings named `lines`.");
		assertThat(problems.get(1).message()).isEqualTo("`pk` is both an attribute and an embedding of item order.");
	}

	// --- keys of the target table

	@Test
	void keyAttributeMissingFromTheItem_isAKeyMismatch() {
		MappingProblem problem = onlyProblem(VALID.replace("      sk: { value: \"${line_no}\", type: N }\n",
				"      lineNo: { value: \"${line_no}\", type: N }\n"));

		assertProblem(problem, ProblemCode.KEY_MISMATCH, 9, 5);
		assertThat(problem.message()).isEqualTo("Item `order` does not produce `sk`, the sort key of table orders.");
		assertThat(problem.fix()).isEqualTo("Add `sk: \"...\"` to its attributes.");
	}

	@Test
	void declaredTypeDifferentFromTheKeyType_isAKeyMismatch() {
		MappingProblem problem = onlyProblem(VALID.replace("type: N }\n", "type: S }\n")
			.replace("    sortKey: { name: sk, type: S }", "    sortKey: { name: sk, type: N }"));

		assertProblem(problem, ProblemCode.KEY_MISMATCH, 14, 7);
		assertThat(problem.message())
			.isEqualTo("`sk` is the sort key of table orders of type N, but item `order` declares it as S.");
		assertThat(problem.fix()).isEqualTo("Declare `type: N` or remove the type.");
	}

	@Test
	void textTemplateForANumberKey_isAKeyMismatch() {
		MappingProblem problem = onlyProblem(
				VALID.replace("      sk: { value: \"${line_no}\", type: N }", "      sk: \"LINE#${line_no}\""));

		assertProblem(problem, ProblemCode.KEY_MISMATCH, 14, 7);
		assertThat(problem.message()).contains("of type N").contains("LINE#${line_no}");
		assertThat(problem.fix()).contains("type: N");
	}

	@Test
	void indexKeyWithWrongType_isAKeyMismatch_butAMissingIndexKeyDeclaredOptionalIsASparseIndex() {
		List<MappingProblem> problems = problems(VALID.replace("items:\n", """
				    globalSecondaryIndexes:
				      - { name: by-customer, partitionKey: { name: customer, type: N } }
				      - { name: by-status, partitionKey: { name: status, type: S } }
				items:
				""") + "      customer: { value: \"${customer_id}\", type: S }\n    optionalIndexKeys: [status]\n");

		assertThat(problems).singleElement().satisfies((problem) -> {
			assertProblem(problem, ProblemCode.KEY_MISMATCH, 18, 7);
			assertThat(problem.message()).contains("partition key of index by-customer");
		});
	}

	@Test
	void tableKeyTypedBool_isAWrongValueAtTheType() {
		MappingProblem problem = onlyProblem(
				VALID.replace("partitionKey: { name: pk, type: S }", "partitionKey: { name: pk, type: BOOL }"));

		assertProblem(problem, ProblemCode.WRONG_VALUE, 6, 37);
		assertThat(problem.message()).isEqualTo("A key attribute must be of type S, N or B, not BOOL.");
		assertThat(problem.fix()).isEqualTo("Use S, N or B.");
	}

	@Test
	void keyAttributeTypedBoolInTheItem_isAKeyMismatch() {
		MappingProblem problem = onlyProblem(
				VALID.replace("      pk: \"ORDER#${id}\"", "      pk: { value: \"${paid}\", type: BOOL }"));

		assertProblem(problem, ProblemCode.KEY_MISMATCH, 13, 7);
		assertThat(problem.message()).contains("declares it as BOOL");
	}

	// --- sources and SQL

	@Test
	void sourceWithBothTableAndQuery_isAWrongValue() {
		MappingProblem problem = onlyProblem(VALID.replace("{ table: orders, key: [id] }",
				"{ table: orders, query: \"SELECT * FROM orders\", key: [id] }"));

		assertProblem(problem, ProblemCode.WRONG_VALUE, 11, 13);
		assertThat(problem.message()).isEqualTo("A source needs exactly one of `table` and `query`.");
	}

	@Test
	void sourceWithNeitherTableNorQuery_isAWrongValue() {
		MappingProblem problem = onlyProblem(VALID.replace("{ table: orders, key: [id] }", "{ key: [id] }"));

		assertProblem(problem, ProblemCode.WRONG_VALUE, 11, 13);
		assertThat(problem.message()).isEqualTo("A source needs exactly one of `table` and `query`.");
	}

	@Test
	void queryWithASemicolon_isAWrongValue() {
		MappingProblem problem = onlyProblem(VALID.replace("    source: { table: orders, key: [id] }\n", """
				    source:
				      query: "SELECT * FROM orders; DROP TABLE orders"
				      key: [id]
				"""));

		assertProblem(problem, ProblemCode.WRONG_VALUE, 12, 7);
		assertThat(problem.message()).isEqualTo("A source query must be one statement without `;`.");
	}

	@Test
	void queryThatIsNotASelect_isAWrongValue() {
		MappingProblem problem = onlyProblem(VALID.replace("    source: { table: orders, key: [id] }\n", """
				    source:
				      query: DELETE FROM orders RETURNING id
				      key: [id]
				"""));

		assertProblem(problem, ProblemCode.WRONG_VALUE, 12, 7);
		assertThat(problem.message()).isEqualTo("A source query must be a SELECT statement.");
		assertThat(problem.fix()).contains("SELECT");
	}

	@Test
	void whereWithASemicolon_isAWrongValue() {
		MappingProblem problem = onlyProblem(VALID.replace("{ table: orders, key: [id] }",
				"{ table: orders, key: [id], where: \"1 = 1; DELETE FROM orders\" }"));

		assertProblem(problem, ProblemCode.WRONG_VALUE, 11, 13);
		assertThat(problem.message()).contains("`where`");
	}

	@Test
	@Invariant(7)
	void sqlInjectionInTheSourceTable_isAnInvalidName() {
		MappingProblem problem = onlyProblem(
				VALID.replace("{ table: orders, key: [id] }", "{ table: \"users; drop table x\", key: [id] }"));

		assertProblem(problem, ProblemCode.INVALID_NAME, 11, 13);
		assertThat(problem.message()).isEqualTo("`users; drop table x` is not a plain table name.");
		assertThat(problem.fix()).contains("schema.name").contains("query");
	}

	@Test
	void schemaQualifiedSourceTable_isAccepted() {
		assertThatCode(() -> loader.load(FILE, VALID.replace("{ table: orders,", "{ table: sales.orders,")))
			.doesNotThrowAnyException();
	}

	@Test
	@Invariant(7)
	void sqlInjectionInAKeyColumn_isAnInvalidName() {
		MappingProblem problem = onlyProblem(VALID.replace("key: [id]", "key: [id, \"id) OR (1=1\"]"));

		assertProblem(problem, ProblemCode.INVALID_NAME, 11, 13);
		assertThat(problem.message()).isEqualTo("`id) OR (1=1` is not a plain key column name.");
		assertThat(problem.fix()).isEqualTo("Use letters, digits and `_` only.");
	}

	@Test
	@Invariant(7)
	void sqlInjectionInAnEmbedding_isReportedForEveryIdentifier() {
		List<MappingProblem> problems = problems(VALID + """
				    embed:
				      - name: lines
				        table: "order_lines l, users u"
				        parentColumns: ["id--"]
				        childColumns: [order_id]
				        orderBy: ["position; DROP TABLE users"]
				        attributes: { sku: "${sku}" }
				""");

		assertThat(problems).extracting(MappingProblem::code).containsOnly(ProblemCode.INVALID_NAME);
		assertThat(problems).extracting(MappingProblem::location).containsOnly(new Location(16, 9));
		assertThat(problems).extracting(MappingProblem::message)
			.containsExactly("`order_lines l, users u` is not a plain table name.",
					"`id--` is not a plain parent column name.",
					"`position; DROP TABLE users` is not a plain orderBy column name.");
	}

	// --- helpers

	private List<MappingProblem> problems(String yaml) {
		InvalidMappingException ex = catchThrowableOfType(InvalidMappingException.class, () -> loader.load(FILE, yaml));
		assertThat(ex).as("the mapping should be invalid:%n%s", yaml).isNotNull();
		assertThat(ex.getProblems()).allSatisfy((problem) -> {
			assertThat(problem.file()).isEqualTo(FILE);
			assertThat(problem.message()).isNotBlank();
			assertThat(problem.fix()).isNotBlank();
		});
		return ex.getProblems();
	}

	private MappingProblem onlyProblem(String yaml) {
		List<MappingProblem> problems = problems(yaml);
		assertThat(problems).as("problems").hasSize(1);
		return problems.get(0);
	}

	private static void assertProblem(MappingProblem problem, ProblemCode code, int line, int column) {
		assertThat(problem.code()).as("code of %s", problem).isEqualTo(code);
		assertThat(problem.location()).as("position of %s", problem).isEqualTo(new Location(line, column));
	}

}
