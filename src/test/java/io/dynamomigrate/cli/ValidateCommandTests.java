package io.dynamomigrate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import io.dynamomigrate.job.ExitCodes;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code validate} (and the help of {@code run}) through the real command line. Tests run
 * in the repository root, so paths are relative to it, as a user would type them.
 */
class ValidateCommandTests {

	private static final String BROKEN = "src/test/resources/mappings/broken-catalog.yml";

	private static final String THREE_MISTAKES = "src/test/resources/mappings/three-mistakes.yml";

	private static final String UNKNOWN_COLUMNS = "src/test/resources/mappings/unknown-columns.yml";

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private int execute(String... args) {
		CommandLine commandLine = DynamoMigrate.commandLine();
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		return commandLine.execute(args);
	}

	private List<String> errLines() {
		return err.toString().lines().toList();
	}

	@Test
	void brokenMapping_exitsWithTwo_andListsEveryProblemAsPathLineColumnMessageAndFix() {
		int exitCode = execute("validate", BROKEN);

		assertThat(exitCode).isEqualTo(ExitCodes.INVALID).isEqualTo(2);
		assertThat(out.toString()).isEmpty();
		assertThat(errLines()).containsExactly(
				BROKEN + ":9:18: billingMode cannot be `on-demand`. Fix: Use one of: pay-per-request, provisioned.",
				BROKEN + ":11:5: Item `artist` writes to the table `musik`, which `tables` does not define. "
						+ "Fix: Did you mean `music`?",
				BROKEN + ":13:13: Cannot read artists from the source database: Table \"ARTISTS\" not found (this "
						+ "database is empty); SQL statement:. Fix: Check the table name or query, and that the source "
						+ "user may read it.",
				BROKEN + ":15:19: The template \"ARTIST#${artist_id\" opens ${ without a closing }. "
						+ "Fix: Close the reference: ${column_name}.",
				BROKEN + ":17:5: Item `album` does not produce `sk`, the sort key of table music. "
						+ "Fix: Add `sk: \"...\"` to its attributes.",
				BROKEN + ":19:13: `albums; drop table albums` is not a plain table name. "
						+ "Fix: Use `name` or `schema.name` (letters, digits, `_`); for anything else use `query`.",
				BROKEN + ":22:15: ${T(java.lang.Runtime).getRuntime().exec('x')} calls `T`, which is not a template "
						+ "function; templates cannot evaluate expressions. Fix: Use one of the functions lower, upper, "
						+ "trim, lpad, date, epoch_seconds, epoch_millis, shard, number, text, coalesce, or compute the value in a "
						+ "source query.",
				BROKEN + ":23:5: Unknown key `chunksize` in an item definition. Fix: Did you mean `chunkSize`?",
				"8 problems found.");
	}

	@Test
	void brokenMapping_isInvalidOfflineToo() {
		assertThat(execute("validate", "--offline", BROKEN)).isEqualTo(ExitCodes.INVALID);
		assertThat(errLines()).hasSize(8).last().isEqualTo("7 problems found.");
	}

	@Test
	void musicCatalog_isValidAgainstTheEmbeddedSampleDatabase() {
		int exitCode = execute("validate", "mappings/music-catalog.yml");

		assertThat(err.toString()).isEmpty();
		assertThat(exitCode).isEqualTo(ExitCodes.SUCCESS);
		assertThat(out.toString()).isEqualToIgnoringNewLines(
				"mappings/music-catalog.yml is valid: 1 table, 6 item definitions, columns checked.");
	}

	@Test
	void musicDocuments_isValidAgainstTheEmbeddedSampleDatabase_functionsFiltersAndConditionsIncluded() {
		int exitCode = execute("validate", "mappings/music-documents.yml");

		// the artist item reads these columns in templates only, so unmappedColumns:
		// attributes does not keep them
		assertThat(errLines()).containsExactly("mappings/music-documents.yml:47:22: Warning: item `artist`: "
				+ "unmappedColumns keeps only the columns that no template or `when` reads, so artist_id, country, "
				+ "facts_json, rating are not kept as attributes of their own. To keep them, list them as attributes: "
				+ "artist_id: \"${artist_id}\", country: \"${country}\", facts_json: \"${facts_json}\", "
				+ "rating: \"${rating}\".");
		assertThat(exitCode).isEqualTo(ExitCodes.SUCCESS);
		assertThat(out.toString()).isEqualToIgnoringNewLines(
				"mappings/music-documents.yml is valid: 1 table, 3 item definitions, columns checked.");
	}

	@Test
	void musicTables_isValidOffline_withoutConnecting() {
		int exitCode = execute("validate", "--offline", "mappings/music-tables.yml");

		assertThat(exitCode).isEqualTo(ExitCodes.SUCCESS);
		assertThat(out.toString()).isEqualToIgnoringNewLines(
				"mappings/music-tables.yml is valid: 7 tables, 7 item definitions (not checked against the source).");
	}

	@Test
	void unknownColumns_passOffline_butAreFoundAgainstTheSourceDatabase() {
		assertThat(execute("validate", "--offline", UNKNOWN_COLUMNS)).isEqualTo(ExitCodes.SUCCESS);
		assertThat(out.toString()).contains("is valid");

		int exitCode = execute("validate", UNKNOWN_COLUMNS);

		assertThat(exitCode).isEqualTo(ExitCodes.INVALID);
		String columns = "artist_id, avatar_hash, country, formed_year, monthly_listeners, name, rating, verified";
		assertThat(errLines()).containsExactly(
				UNKNOWN_COLUMNS + ":19:14: The column `artist_name` does not exist in artists. Fix: Use one of: "
						+ columns + ".",
				UNKNOWN_COLUMNS + ":20:15: The column `genre` does not exist in artists. Fix: Use one of: " + columns
						+ ".",
				"2 problems found.");
	}

	@Test
	void problemsOfTheFileAndAgainstTheSource_areReportedTogetherInOnePass() {
		int exitCode = execute("validate", THREE_MISTAKES);

		assertThat(exitCode).isEqualTo(ExitCodes.INVALID);
		String columns = "artist_id, avatar_hash, country, formed_year, monthly_listeners, name, rating, verified";
		assertThat(errLines()).containsExactly(
				THREE_MISTAKES + ":13:18: billingMode cannot be `on-demand`. Fix: Use one of: pay-per-request, "
						+ "provisioned.",
				THREE_MISTAKES + ":18:5: Unknown key `chunksize` in an item definition. Fix: Did you mean `chunkSize`?",
				THREE_MISTAKES + ":21:15: The column `genre` does not exist in artists. Fix: Use one of: " + columns
						+ ".",
				"3 problems found.");
	}

	@Test
	void missingFile_exitsWithTwo() {
		int exitCode = execute("validate", "mappings/no-such-mapping.yml");

		assertThat(exitCode).isEqualTo(ExitCodes.INVALID);
		assertThat(errLines()).first()
			.asString()
			.startsWith("mappings/no-such-mapping.yml: Cannot read the mapping file")
			.contains("Fix: Check the path");
	}

	@Test
	void missingMappingArgument_isAUsageErrorWithExitCodeTwo() {
		int exitCode = execute("validate");

		assertThat(exitCode).isEqualTo(2);
		assertThat(err.toString()).contains("Missing required parameter: 'MAPPING'").contains("Usage:");
	}

	@Test
	void validateHelp_exitsWithZero_andDocumentsOffline() {
		int exitCode = execute("validate", "--help");

		assertThat(exitCode).isEqualTo(0);
		assertThat(out.toString()).contains("Usage: dynamo-migrate validate")
			.contains("--offline")
			.contains("--source-url")
			.contains("file:line:column")
			.contains("Exit codes:");
		assertThat(err.toString()).isEmpty();
	}

	@Test
	void runHelp_documentsTheTargetAndStateOptions() {
		int exitCode = execute("run", "--help");

		assertThat(exitCode).isEqualTo(0);
		assertThat(out.toString()).contains("Usage: dynamo-migrate run")
			.contains("--endpoint-url=URL")
			.contains("--local")
			.contains("--state-dir=DIR");
		assertThat(out.toString().replaceAll("\\s+", "")).as("the state dir's default, wherever the help wraps")
			.contains("(default:.dynamo-migrate)");
	}

}
