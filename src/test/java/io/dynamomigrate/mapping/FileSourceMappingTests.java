package io.dynamomigrate.mapping;

import java.nio.file.Path;
import java.util.List;

import io.dynamomigrate.mapping.model.CsvSpec;
import io.dynamomigrate.mapping.model.FileFormat;
import io.dynamomigrate.mapping.model.FileSourceSpec;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.model.SourceSpec;
import io.dynamomigrate.mapping.validation.InvalidMappingException;
import io.dynamomigrate.mapping.validation.MappingProblem;
import io.dynamomigrate.mapping.validation.ProblemCode;
import io.dynamomigrate.mapping.yaml.MappingLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code source.file} in mapping files: what is read, and every problem with its line and
 * fix.
 */
class FileSourceMappingTests {

	private static final Path FILE = Path.of("mappings/exports.yml");

	private final MappingLoader loader = new MappingLoader((name) -> null);

	private static String mapping(String source, String extraItemLines) {
		return """
				name: exports
				tables:
				  - { name: artists, partitionKey: { name: artist_id, type: N } }
				items:
				  - name: artists
				    table: artists
				    source: %s
				    attributes: { artist_id: { value: "${artist_id}", type: N }, name: "${name}" }
				%s""".formatted(source, extraItemLines);
	}

	@Test
	void fileSource_withoutATopLevelSource_isReadWithItsOptions_relativeToTheMappingFile() {
		MappingSpec spec = loader.load(FILE,
				mapping("""
						{ file: "../exports/*.txt", format: csv, key: [artist_id], maxRecordSize: 5000,
						      csv: { delimiter: ";", quote: "'", header: false, columns: [artist_id, name], encoding: ISO-8859-1 } }""",
						""));
		SourceSpec source = spec.items().get(0).source();
		assertThat(source.isFile()).isTrue();
		FileSourceSpec file = source.file();
		assertThat(file.path()).isEqualTo("../exports/*.txt");
		assertThat(file.base()).isEqualTo(FILE.toAbsolutePath().getParent());
		assertThat(file.resolved())
			.isEqualTo(FILE.toAbsolutePath().getParent().getParent().resolve("exports/*.txt").toString());
		assertThat(file.format()).isEqualTo(FileFormat.CSV);
		assertThat(file.maxRecordSize()).isEqualTo(5000);
		assertThat(file.csv()).isEqualTo(new CsvSpec(';', '\'', false, List.of("artist_id", "name"), "ISO-8859-1"));
		assertThat(source.label()).isEqualTo("../exports/*.txt");
	}

	@Test
	void formatDefaultsToTheExtension_andDdbJsonIsWrittenWithADash() {
		MappingSpec jsonl = loader.load(FILE, mapping("{ file: a.jsonl.gz, key: [artist_id] }", ""));
		assertThat(jsonl.items().get(0).source().file().format()).isNull();
		assertThat(jsonl.items().get(0).source().file().formatOf(Path.of("a.jsonl.gz"))).isEqualTo(FileFormat.JSONL);
		assertThat(jsonl.items().get(0).source().file().csv()).isEqualTo(CsvSpec.DEFAULT);
		MappingSpec ddb = loader.load(FILE, mapping("{ file: export.gz, format: ddb-json, key: [artist_id] }", ""));
		assertThat(ddb.items().get(0).source().file().format()).isEqualTo(FileFormat.DDB_JSON);
	}

	@Test
	void jdbcItem_withoutATopLevelSource_isAProblem() {
		MappingProblem problem = onlyProblem(mapping("{ table: artists, key: [artist_id] }", ""));
		assertThat(problem.code()).isEqualTo(ProblemCode.MISSING_KEY);
		assertThat(problem.message()).isEqualTo("The mapping has no `source`.");
		assertThat(problem.fix()).contains("only be left out when every item reads `source.file`");
	}

	@Test
	void unknownExtensionWithoutFormat_isAProblemAtTheFileLine() {
		MappingProblem problem = onlyProblem(mapping("\n      file: export.dat\n      key: [artist_id]", ""));
		assertThat(problem.location().line()).isEqualTo(8);
		assertThat(problem.message()).contains("`export.dat` is not known from its extension");
		assertThat(problem.fix()).contains("format: csv | json | jsonl | ddb-json");
	}

	@Test
	void badCsvOptions_areEachAProblem() {
		List<MappingProblem> problems = problems(
				mapping("""
						{ file: a.csv, key: [artist_id], csv: { delimiter: ";;", header: false, encoding: NO-SUCH-CHARSET } }""",
						""));
		assertThat(problems).extracting(MappingProblem::message)
			.containsExactlyInAnyOrder("csv.delimiter must be one character, not `;;`.",
					"A CSV source without a header row needs `columns`.",
					"csv.encoding `NO-SUCH-CHARSET` is not a known character set.");
	}

	@Test
	void unknownCsvKey_hasASuggestion_andDelimiterEqualToQuote_isAProblem() {
		assertThat(problems(mapping("{ file: a.csv, key: [artist_id], csv: { delimeter: \";\" } }", "")))
			.extracting(MappingProblem::fix)
			.anyMatch((fix) -> fix.contains("delimiter"));
		assertThat(problems(mapping("{ file: a.csv, key: [artist_id], csv: { delimiter: \"'\", quote: \"'\" } }", "")))
			.extracting(MappingProblem::message)
			.containsExactly("csv.delimiter must differ from the quote and from line breaks.");
	}

	@Test
	void fileTogetherWithTable_fileOptionsWithoutFile_embedOnAFileItem_missingKey_areProblems() {
		assertThat(problems(mapping("{ file: a.csv, table: artists, key: [artist_id] }", "")))
			.extracting(MappingProblem::message)
			.containsExactly("A source reads either `file` or a `table`/`query`, not both.");
		assertThat(problems("source: { url: \"jdbc:h2:mem:x\" }\n"
				+ mapping("{ table: artists, key: [artist_id], format: csv }", "")))
			.extracting(MappingProblem::message)
			.containsExactly("`source.format` is for file sources only.");
		assertThat(problems(mapping("{ file: a.csv, key: [artist_id] }", """
				    embed:
				      - { name: albums, table: albums, parentColumns: [artist_id], attributes: { id: "${album_id}" } }
				"""))).extracting(MappingProblem::message)
			.contains("`embed` reads child rows from the JDBC source; item `artists` reads files.");
		assertThat(problems(mapping("{ file: a.csv }", ""))).extracting(MappingProblem::message)
			.containsExactly("The source has no `key` columns.");
	}

	private MappingProblem onlyProblem(String yaml) {
		List<MappingProblem> problems = problems(yaml);
		assertThat(problems).hasSize(1);
		return problems.get(0);
	}

	private List<MappingProblem> problems(String yaml) {
		InvalidMappingException ex = catchThrowableOfType(InvalidMappingException.class, () -> loader.load(FILE, yaml));
		assertThat(ex).as("problems expected").isNotNull();
		return ex.getProblems();
	}

}
