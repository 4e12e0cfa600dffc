package io.dynamomigrate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.validation.InvalidMappingException;
import io.dynamomigrate.mapping.validation.Problems;
import io.dynamomigrate.session.MappingFiles;
import io.dynamomigrate.source.jdbc.JdbcSources;
import io.dynamomigrate.source.jdbc.SourceSchemaCheck;
import io.dynamomigrate.source.jdbc.SourceUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code validate}: checks a mapping file and reports every problem at once, with
 * file:line:column and a fix.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, description = {
		"Check a mapping file without writing anything: its syntax, names and references, and "
				+ "(unless --offline) its tables and columns against the source database.",
		"Problems are reported as file:line:column: message Fix: how; all of them at once, those of the file and "
				+ "those against the source." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:the mapping is valid", "2:the mapping has problems, or the command line is wrong" })
final class ValidateCommand extends PrintingCommand {

	@Parameters(index = "0", paramLabel = "MAPPING", description = "The mapping file (YAML).")
	Path mapping;

	@Option(names = "--offline", description = "Do not connect to the source; check the file only.")
	boolean offline;

	@Mixin
	SourceOptions source;

	@Override
	int call(PrintWriter out, PrintWriter err) {
		Problems problems = new Problems(mapping);
		MappingSpec loaded = MappingFiles.read(mapping, source::apply, problems);
		if (loaded != null && !offline && !loaded.source().url().isEmpty()) {
			// the source checks of every part that was read, also when the file has
			// problems of its own
			try (HikariDataSource dataSource = JdbcSources.open(loaded.source(), 4)) {
				new SourceSchemaCheck(dataSource).check(loaded, problems);
			}
			catch (SourceUnavailableException ex) {
				if (problems.isEmpty()) {
					throw ex;
				}
				print(problems, err);
				err.println("Error: " + ex.getMessage());
				err.flush();
				return ExitCodes.INVALID;
			}
		}
		if (loaded == null || !problems.isEmpty()) {
			print(problems, err);
			return ExitCodes.INVALID;
		}
		MappingFiles.warnings(loaded).forEach(err::println);
		err.flush();
		out.printf("%s is valid: %s, %s%s.%n", mapping, count(loaded.tables().size(), "table"),
				count(loaded.items().size(), "item definition"),
				offline ? " (not checked against the source)"
						: loaded.items().stream().allMatch((i) -> i.source().file() != null)
								? " (file sources are checked as they are read)" : ", columns checked");
		return ExitCodes.SUCCESS;
	}

	private static void print(Problems problems, PrintWriter err) {
		MappingFiles.problemLines(new InvalidMappingException(problems.list())).forEach(err::println);
		err.flush();
	}

	private static String count(int n, String noun) {
		return n + " " + noun + (n == 1 ? "" : "s");
	}

}
