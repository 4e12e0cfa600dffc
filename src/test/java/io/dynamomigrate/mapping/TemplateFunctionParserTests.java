package io.dynamomigrate.mapping;

import java.nio.file.Path;
import java.util.List;

import io.dynamomigrate.mapping.model.Location;
import io.dynamomigrate.mapping.model.Template.Call;
import io.dynamomigrate.mapping.model.Template.ColumnRef;
import io.dynamomigrate.mapping.model.Template.Literal;
import io.dynamomigrate.mapping.model.Template.Text;
import io.dynamomigrate.mapping.model.Template;
import io.dynamomigrate.mapping.model.TemplateFunction;
import io.dynamomigrate.mapping.template.TemplateParser;
import io.dynamomigrate.mapping.validation.ProblemCode;
import io.dynamomigrate.mapping.validation.Problems;
import io.dynamomigrate.testing.Invariant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The function syntax inside {@code ${...}}: the fixed functions parse, everything else
 * is a problem at its $.
 */
class TemplateFunctionParserTests {

	private final TemplateParser parser = new TemplateParser();

	private final Problems problems = new Problems(Path.of("m.yml"));

	private Template parse(String text) {
		return parser.parse(text, new Location(3, 9), problems);
	}

	@Test
	void functionCalls_parseWithColumnsLiteralsAndNesting() {
		Template template = parse("USER#${lpad(user_id, 6, '0')}#${shard(user_id, 16)}#${lower(trim(name))}");

		assertThat(template.parts()).containsExactly(new Literal("USER#"),
				new Call(TemplateFunction.LPAD, List.of(new ColumnRef("user_id"), new Text("6"), new Text("0"))),
				new Literal("#"), new Call(TemplateFunction.SHARD, List.of(new ColumnRef("user_id"), new Text("16"))),
				new Literal("#"), new Call(TemplateFunction.LOWER,
						List.of(new Call(TemplateFunction.TRIM, List.of(new ColumnRef("name"))))));
		assertThat(template.columns()).containsExactly("user_id", "user_id", "name");
		assertThat(problems.isEmpty()).isTrue();
	}

	@Test
	void quotedLiterals_mayHoldCommasBracesAndDoubledQuotes() {
		Template template = parse("${coalesce(nick, 'O''Brien, {x}')}");

		assertThat(template.parts()).containsExactly(
				new Call(TemplateFunction.COALESCE, List.of(new ColumnRef("nick"), new Text("O'Brien, {x}"))));
		assertThat(template.isSingleExpression()).isTrue();
		assertThat(template.isSingleColumn()).isFalse();
		assertThat(problems.isEmpty()).isTrue();
	}

	@Test
	void everyFunction_parsesWithItsDocumentedExample() {
		for (TemplateFunction function : TemplateFunction.values()) {
			Template template = parse("${" + function.example() + "}");
			assertThat(template.parts()).singleElement()
				.isInstanceOfSatisfying(Call.class, (call) -> assertThat(call.function()).isEqualTo(function));
		}
		assertThat(problems.list()).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"x${T(java.lang.Runtime).getRuntime()}| 10| calls `T`, which is not a template function",
			"x${new java.io.File('/etc/passwd')}| 10| is not a column name or a template function call",
			"x${exec('rm -rf /')}| 10| calls `exec`, which is not a template function",
			"x${getClass().forName('java.lang.Runtime')}| 10| calls `getClass`, which is not a template function",
			"x${lower(name).getClass()}| 10| is not a column name or a template function call",
			"x${name + 1}| 10| is not a column name or a template function call", "x${'literal'}| 10| is a literal",
			"x${LOWER(name)}| 10| calls `LOWER`, which is not a template function",
			"x${lower(a, b)}| 10| gives lower 2 arguments", "x${coalesce(a)}| 10| gives coalesce 1 argument",
			"x${lpad(id, 'six', '0')}| 10| needs the width of lpad as a whole number from 1 to 1000",
			"x${lpad(id, 6, '00')}| 10| needs one quoted pad character",
			"x${shard(id, 0)}| 10| needs the shard count of shard as a whole number from 1 to 100000",
			"x${date(created_at, format)}| 10| needs a quoted pattern",
			"x${date(created_at, 'yyyy-MM-bb')}| 10| has the date pattern 'yyyy-MM-bb', which is not valid",
			"x${lower(name}| 10| is not a column name or a template function call",
			"x${lower('unclosed)}| 10| opens ${ without a closing }" })
	void anythingButAColumnOrAFunctionCall_isOneProblemAtItsDollar(String text, int column, String message) {
		Template template = parse(text);

		assertThat(template.parts()).containsExactly(new Literal("x"));
		assertThat(problems.list()).singleElement().satisfies((problem) -> {
			assertThat(problem.code()).isEqualTo(ProblemCode.TEMPLATE_SYNTAX);
			assertThat(problem.location()).isEqualTo(new Location(3, 9 + column - 9));
			assertThat(problem.message()).contains(message);
		});
	}

	@Test
	@Invariant(7)
	void unknownFunction_listsEveryFunctionInTheFix() {
		parse("${md5(name)}");

		assertThat(problems.list()).singleElement()
			.satisfies((problem) -> assertThat(problem.fix()).isEqualTo(
					"Use one of the functions lower, upper, trim, lpad, date, epoch_seconds, epoch_millis, shard, "
							+ "number, text, coalesce, or compute the value in a source query."));
	}

}
