package io.dynamomigrate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.zaxxer.hikari.HikariDataSource;
import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.mapping.MappingSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code validate}: checks a mapping file and reports every problem at once, with file:line:column and a fix.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
		description = { "Check a mapping file without writing anything: its syntax, names and references, and "
				+ "(unless --offline) its tables and columns against the source database.",
				"Every problem is reported at once as file:line:column: message Fix: how." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:the mapping is valid", "2:the mapping has problems, or the command line is wrong" })
final class ValidateCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "MAPPING", description = "The mapping file (YAML).")
	Path mapping;

	@Option(names = "--offline", description = "Do not connect to the source; check the file only.")
	boolean offline;

	@Mixin
	SourceOptions source;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		MappingSpec loaded = Mappings.loadOrReport(mapping, source, err);
		if (loaded == null) {
			return ExitCodes.INVALID;
		}
		if (!offline) {
			try (HikariDataSource dataSource = JdbcSourceCheck.open(loaded, mapping, err)) {
				if (dataSource == null) {
					return ExitCodes.INVALID;
				}
			}
		}
		out.printf("%s is valid: %s, %s%s.%n", mapping, count(loaded.tables().size(), "table"),
				count(loaded.items().size(), "item definition"),
				offline ? " (not checked against the source)"
						: loaded.items().stream().allMatch((i) -> i.source().file() != null)
								? " (file sources are checked as they are read)" : ", columns checked");
		return ExitCodes.SUCCESS;
	}

	private static String count(int n, String noun) {
		return n + " " + noun + (n == 1 ? "" : "s");
	}

}
