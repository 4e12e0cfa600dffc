package io.dynamomigrate.mapping;

import java.nio.file.Path;

import io.dynamomigrate.mapping.model.Location;
import io.dynamomigrate.mapping.model.Template.ColumnRef;
import io.dynamomigrate.mapping.model.Template.Literal;
import io.dynamomigrate.mapping.model.Template;
import io.dynamomigrate.mapping.template.TemplateParser;
import io.dynamomigrate.mapping.validation.MappingProblem;
import io.dynamomigrate.mapping.validation.ProblemCode;
import io.dynamomigrate.mapping.validation.Problems;
import io.dynamomigrate.testing.Invariant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateParserTests {

	private final TemplateParser parser = new TemplateParser();

	private final Problems problems = new Problems(Path.of("m.yml"));

	private Template parse(String text) {
		return parser.parse(text, new Location(7, 11), problems);
	}

	@Test
	void literalOnly_isOneLiteralPartWithoutColumns() {
		Template template = parse("PROFILE");

		assertThat(template.parts()).containsExactly(new Literal("PROFILE"));
		assertThat(template.columns()).isEmpty();
		assertThat(template.isSingleColumn()).isFalse();
		assertThat(template.source()).isEqualTo("PROFILE");
		assertThat(template.location()).isEqualTo(new Location(7, 11));
		assertThat(problems.isEmpty()).isTrue();
	}

	@Test
	void singleColumnReference_isSingleColumn() {
		Template template = parse("${artist_id}");

		assertThat(template.parts()).containsExactly(new ColumnRef("artist_id"));
		assertThat(template.isSingleColumn()).isTrue();
		assertThat(template.columns()).containsExactly("artist_id");
		assertThat(problems.isEmpty()).isTrue();
	}

	@Test
	void spacesInsideAReference_areIgnored() {
		assertThat(parse("${ artist_id }").parts()).containsExactly(new ColumnRef("artist_id"));
		assertThat(problems.isEmpty()).isTrue();
	}

	@Test
	void mixedTemplate_keepsLiteralsAndColumnsInOrder() {
		Template template = parse("ALBUM#${release_date}#${album_id}");

		assertThat(template.parts()).containsExactly(new Literal("ALBUM#"), new ColumnRef("release_date"),
				new Literal("#"), new ColumnRef("album_id"));
		assertThat(template.columns()).containsExactly("release_date", "album_id");
		assertThat(template.isSingleColumn()).isFalse();
		assertThat(problems.isEmpty()).isTrue();
	}

	@Test
	void singleColumnWithLiteralAround_isNotSingleColumn() {
		assertThat(parse("${id}!").isSingleColumn()).isFalse();
		assertThat(parse("x${id}").isSingleColumn()).isFalse();
	}

	@Test
	void doubleDollar_isALiteralDollar_andDoesNotStartAReference() {
		Template template = parse("PRICE$$${amount}$${x}");

		assertThat(template.parts()).containsExactly(new Literal("PRICE$"), new ColumnRef("amount"),
				new Literal("${x}"));
		assertThat(template.columns()).containsExactly("amount");
		assertThat(problems.isEmpty()).isTrue();
	}

	@Test
	void loneDollarAndBraces_areLiteralText() {
		Template template = parse("a$b {c} $");

		assertThat(template.parts()).containsExactly(new Literal("a$b {c} $"));
		assertThat(problems.isEmpty()).isTrue();
	}

	@Test
	void unclosedReference_isTemplateSyntaxAtTheDollar() {
		parse("USER#${user_id");

		assertThat(problems.list()).singleElement().satisfies((p) -> {
			assertThat(p.code()).isEqualTo(ProblemCode.TEMPLATE_SYNTAX);
			assertThat(p.location()).isEqualTo(new Location(7, 16));
			assertThat(p.message()).contains("USER#${user_id").contains("without a closing }");
			assertThat(p.fix()).contains("${column_name}");
		});
	}

	@Test
	void dottedReference_isRefused() {
		Template template = parse("${a.b}");

		assertThat(template.columns()).isEmpty();
		assertThat(problems.list()).singleElement().satisfies((p) -> {
			assertThat(p.code()).isEqualTo(ProblemCode.TEMPLATE_SYNTAX);
			assertThat(p.location()).isEqualTo(new Location(7, 11));
			assertThat(p.message()).contains("${a.b}").contains("not a column name");
		});
	}

	@Test
	void emptyReference_isRefused() {
		parse("x${}");

		assertThat(problems.list()).singleElement().satisfies((p) -> {
			assertThat(p.code()).isEqualTo(ProblemCode.TEMPLATE_SYNTAX);
			assertThat(p.location()).isEqualTo(new Location(7, 12));
		});
	}

	@Test
	@Invariant(7)
	void typeReferenceCallingRuntimeExec_isRefusedAndReadsNoColumn() {
		Template template = parse("${T(java.lang.Runtime).getRuntime().exec('x')}");

		assertThat(template.columns()).isEmpty();
		assertThat(template.parts()).noneMatch(ColumnRef.class::isInstance);
		assertThat(problems.list()).singleElement().satisfies((p) -> {
			assertThat(p.code()).isEqualTo(ProblemCode.TEMPLATE_SYNTAX);
			assertThat(p.location()).isEqualTo(new Location(7, 11));
			assertThat(p.message()).contains("T(java.lang.Runtime)").contains("cannot evaluate expressions");
			assertThat(p.fix()).contains("source query");
		});
	}

	@Test
	@Invariant(7)
	void spelHashExpression_isRefused() {
		Template template = parse("id=#{T(java.lang.Runtime)}");

		assertThat(template.columns()).isEmpty();
		assertThat(problems.list()).singleElement().satisfies((p) -> {
			assertThat(p.code()).isEqualTo(ProblemCode.TEMPLATE_SYNTAX);
			assertThat(p.location()).isEqualTo(new Location(7, 14));
			assertThat(p.message()).contains("#{...}").contains("cannot run code");
			assertThat(p.fix()).contains("${column_name}");
		});
	}

	@Test
	@Invariant(7)
	void constructorCall_isRefused() {
		Template template = parse("${new java.io.File('/etc/passwd')}");

		assertThat(template.columns()).isEmpty();
		assertThat(problems.list()).singleElement().satisfies((p) -> {
			assertThat(p.code()).isEqualTo(ProblemCode.TEMPLATE_SYNTAX);
			assertThat(p.message()).contains("new java.io.File('/etc/passwd')");
		});
	}

	@Test
	void everyBadReferenceInOneTemplate_isReported_andGoodOnesAreKept() {
		Template template = parse("${ok}${a.b}#{x}${also_ok}");

		assertThat(template.columns()).containsExactly("ok", "also_ok");
		assertThat(problems.list()).extracting(MappingProblem::code)
			.containsExactly(ProblemCode.TEMPLATE_SYNTAX, ProblemCode.TEMPLATE_SYNTAX);
		assertThat(problems.list()).extracting(MappingProblem::location)
			.containsExactly(new Location(7, 16), new Location(7, 22));
	}

	@Test
	void templateWithoutAFileLocation_reportsNoPosition() {
		parser.parse("${a.b}", Location.NONE, problems);

		assertThat(problems.list()).singleElement().satisfies((p) -> assertThat(p.location()).isEqualTo(Location.NONE));
	}

}
