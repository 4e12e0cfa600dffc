package io.dynamomigrate.sample;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MusicSampleGeneratorTests {

	private static final String REGENERATE = "the committed sample-sources/%s/data.sql differs from the generator's "
			+ "output: do not edit it by hand; change MusicSampleGenerator and run "
			+ "'java -cp target/classes io.dynamomigrate.sample.MusicSampleGenerator sample-sources'";

	@Test
	void generatingTwice_givesByteIdenticalScripts(@TempDir Path first, @TempDir Path second) throws Exception {
		MusicSampleGenerator.writeDataScripts(first);
		MusicSampleGenerator.writeDataScripts(second);
		for (String dialect : new String[] { "postgres", "h2", "mariadb" }) {
			Path script = Path.of(dialect, "data.sql");
			assertThat(Files.mismatch(first.resolve(script), second.resolve(script))).as(dialect).isEqualTo(-1L);
		}
	}

	@Test
	void committedScripts_areExactlyTheGeneratorsOutput(@TempDir Path output) throws Exception {
		MusicSampleGenerator.writeDataScripts(output);
		for (String dialect : new String[] { "postgres", "h2", "mariadb" }) {
			Path script = Path.of(dialect, "data.sql");
			assertThat(Files.mismatch(Path.of("sample-sources").resolve(script), output.resolve(script)))
				.as(REGENERATE, dialect)
				.isEqualTo(-1L);
			assertThat(Files.size(output.resolve(script))).as("size of %s", script).isLessThan(4L << 20);
		}
	}

	@Test
	void dialectScripts_differOnlyInBinaryLiteralsAndHeader(@TempDir Path output) throws Exception {
		MusicSampleGenerator.writeDataScripts(output);
		String postgres = Files.readString(output.resolve("postgres/data.sql"), StandardCharsets.UTF_8);
		String h2 = Files.readString(output.resolve("h2/data.sql"), StandardCharsets.UTF_8);
		String mariadb = Files.readString(output.resolve("mariadb/data.sql"), StandardCharsets.UTF_8);
		String sqlMode = "\nSET SESSION sql_mode = '" + SampleDialect.SQL_MODE + "';\n\n";
		assertThat(mariadb).as("mariadb/data.sql pins the session's sql_mode before the first INSERT")
			.containsOnlyOnce(sqlMode);
		assertThat(mariadb.indexOf(sqlMode)).isLessThan(mariadb.indexOf("INSERT INTO"));
		boolean mariadbAsH2 = mariadb.replace(sqlMode, "\n")
			.replace("sample data (mariadb)", "sample data (h2)")
			.equals(h2);
		assertThat(mariadbAsH2).as("mariadb/data.sql equals h2/data.sql up to the header and sql_mode").isTrue();
		String binary = "decode\\('([0-9a-f]{32})','hex'\\)";
		assertThat(postgres.split(binary, -1)).as("binary literals").hasSizeGreaterThan(200);
		boolean sameOtherwise = postgres.replaceAll(binary, "X'$1'")
			.replace("sample data (postgres)", "sample data (h2)")
			.equals(h2);
		assertThat(sameOtherwise).as("postgres/data.sql equals h2/data.sql up to binary literals").isTrue();
	}

	@Test
	void mariaDbStringLiterals_doubleBackslashesAndQuotes_theOthersOnlyQuotes() {
		assertThat(SqlScriptWriter.literal(SampleDialect.MARIADB, "C:\\music\\Zoë's"))
			.isEqualTo("'C:\\\\music\\\\Zoë''s'");
		assertThat(SqlScriptWriter.literal(SampleDialect.POSTGRES, "C:\\music\\Zoë's"))
			.isEqualTo("'C:\\music\\Zoë''s'");
		assertThat(SqlScriptWriter.literal(SampleDialect.H2, "C:\\music\\Zoë's")).isEqualTo("'C:\\music\\Zoë''s'");
	}

}
