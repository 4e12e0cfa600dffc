package io.dynamomigrate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.dynamomigrate.fleet.FleetValidation;
import io.dynamomigrate.fleet.LoadedFleet;
import io.dynamomigrate.job.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fleet validate}: checks the fleet file and every entry's mapping against its
 * source, and reports every problem at once, each prefixed with its entry.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
		description = { "Check a fleet file without writing anything: the file itself, every entry's mapping (with "
				+ "the entry's variables filled in) and, unless --offline, each mapping's tables and columns against "
				+ "the entry's source database.",
				"Every problem is reported at once as `entry NAME: file:line:column: message Fix: how`; each distinct "
						+ "source is connected to once." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:every entry is valid", "2:some entry has problems, or the command line is wrong" })
final class FleetValidateCommand extends PrintingCommand {

	@Parameters(index = "0", paramLabel = "FLEET", description = "The fleet file (YAML).")
	Path fleet;

	@Option(names = "--offline", description = "Do not connect to the sources; check the files only.")
	boolean offline;

	@Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
			description = "Entries checked against their sources at once (default: ${DEFAULT-VALUE}).")
	int concurrency;

	@Override
	int call(PrintWriter out, PrintWriter err) {
		long started = System.nanoTime();
		LoadedFleet loaded = LoadedFleet.read(fleet, System::getenv);
		List<String> problems = new ArrayList<>(loaded.problems());
		if (!offline && loaded.fleet() != null) {
			problems.addAll(new FleetValidation(loaded).againstSources(Math.max(1, concurrency)));
		}
		if (loaded.fleet() == null || !problems.isEmpty()) {
			problems.forEach(err::println);
			err.printf("%d problem%s found.%n", problems.size(), problems.size() == 1 ? "" : "s");
			err.flush();
			return ExitCodes.INVALID;
		}
		out.printf("%s is valid: %d entries%s (%.1f s).%n", fleet, loaded.entries().size(),
				offline ? " (not checked against their sources)" : ", columns checked against their sources",
				(System.nanoTime() - started) / 1e9);
		out.flush();
		return ExitCodes.SUCCESS;
	}

	/** The lines that report a fleet's problems, and how many there are. */
	static List<String> problemLines(LoadedFleet loaded) {
		List<String> lines = new ArrayList<>(loaded.problems());
		lines.add(String.format("%d problem%s found.", lines.size(), lines.size() == 1 ? "" : "s"));
		return lines;
	}

}
