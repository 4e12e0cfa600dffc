package io.dynamomigrate.transform;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import io.dynamomigrate.mapping.model.Location;
import io.dynamomigrate.mapping.model.Template;
import io.dynamomigrate.mapping.template.TemplateParser;
import io.dynamomigrate.mapping.validation.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Evaluating templates with the fixed functions against a record's values. */
class TemplateEvaluatorTests {

	private final Map<String, Object> row = new HashMap<>();

	{
		row.put("id", new BigDecimal("42"));
		row.put("price", new BigDecimal("4.50"));
		row.put("name", "  Ünïcode Nàme 🎸 ");
		row.put("created_at", LocalDateTime.of(2024, 3, 1, 23, 30, 15, 250_000_000));
		row.put("zoned", OffsetDateTime.parse("2024-03-01T01:30:00+02:00"));
		row.put("day", LocalDate.of(2024, 3, 1));
		row.put("nick", null);
		row.put("empty", "");
		row.put("user_key", "user-1");
	}

	private Object render(String text) {
		Problems problems = new Problems(Path.of("m.yml"));
		Template template = new TemplateParser().parse(text, new Location(1, 1), problems);
		assertThat(problems.list()).as("problems of %s", text).isEmpty();
		return TemplateEvaluator.render(template, row);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false,
			value = { "${lower(name)}|  ünïcode nàme 🎸 ", "${upper(name)}|  ÜNÏCODE NÀME 🎸 ",
					"${trim(name)}|Ünïcode Nàme 🎸", "ITEM#${lpad(id, 6, '0')}|ITEM#000042",
					"${lpad(trim(name), 3, '*')}|Ünïcode Nàme 🎸", "${lpad(empty, 2, '-')}|--",
					"${date(created_at, 'yyyy-MM')}|2024-03", "${date(zoned, 'yyyy-MM-dd HH:mm')}|2024-02-29 23:30",
					"${date(day, 'dd.MM.yyyy')}|01.03.2024", "${coalesce(nick, name)}|  Ünïcode Nàme 🎸 ",
					"${coalesce(nick, 'anonymous')}|anonymous", "${coalesce(empty, 'x')}|''",
					"P#${price}#${upper(user_key)}|P#4.5#USER-1", "$${id}=${id}|${id}=42" })
	void functions_giveText(String template, String expected) {
		assertThat(render(template)).isEqualTo(expected);
	}

	@Test
	void epochFunctions_giveNumbers_soASingleCallIsAnNValue() {
		assertThat(render("${epoch_seconds(created_at)}")).isEqualTo(new BigDecimal("1709335815"));
		assertThat(render("${epoch_millis(created_at)}")).isEqualTo(new BigDecimal("1709335815250"));
		assertThat(render("${epoch_seconds(zoned)}")).isEqualTo(new BigDecimal("1709249400"));
		assertThat(render("${epoch_seconds(day)}")).isEqualTo(new BigDecimal("1709251200"));
		assertThat(render("T${epoch_seconds(day)}")).isEqualTo("T1709251200");
	}

	@Test
	void shard_isStableSha256ModN_documentedValues() {
		// SHA-256("user-1") starts 0xc6c289e4..., SHA-256("42") starts 0x73475cb4...
		assertThat(TemplateEvaluator.shard("user-1", 16)).isEqualTo(Long.parseLong("c6c289e4", 16) % 16);
		assertThat(render("${shard(user_key, 16)}")).isEqualTo(BigDecimal.valueOf(Long.parseLong("c6c289e4", 16) % 16));
		assertThat(render("${shard(id, 1000)}")).isEqualTo(BigDecimal.valueOf(Long.parseLong("73475cb4", 16) % 1000));
		assertThat(render("${shard(user_key, 1)}")).isEqualTo(BigDecimal.ZERO);
	}

	@Test
	void nullArguments_makeTheWholeTemplateNull_exceptInsideCoalesce() {
		assertThat(render("${lower(nick)}")).isNull();
		assertThat(render("USER#${lpad(nick, 3, '0')}")).isNull();
		assertThat(render("${coalesce(nick, nick)}")).isNull();
		assertThat(render("${upper(coalesce(nick, 'x'))}")).isEqualTo("X");
	}

	@Test
	void dateFunctionsOnText_parseIso8601_andRefuseOtherText() {
		row.put("text_ts", "2024-03-01T10:00:00-05:00");
		row.put("bad", "next tuesday");

		assertThat(render("${date(text_ts, 'HH:mm')}")).isEqualTo("15:00");
		assertThatThrownBy(() -> render("${epoch_seconds(bad)}")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("not an ISO-8601 date");
	}

}
