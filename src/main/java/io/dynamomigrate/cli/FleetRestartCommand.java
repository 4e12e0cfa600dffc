package io.dynamomigrate.cli;

import picocli.CommandLine.Command;

/**
 * {@code fleet restart}: continues only the failed, stopped and crashed entries of a
 * fleet, each after its last committed chunk.
 */
@Command(name = "restart", mixinStandardHelpOptions = true,
		description = { "Continue only the entries of a fleet whose latest attempt FAILED or STOPPED, or that were "
				+ "left running by a process that is gone (kill -9, a crash): each continues after the last chunk its "
				+ "steps committed; an entry that failed before its job started (its source could not be opened), and "
				+ "one a killed fleet run never reached, runs from the start. Completed entries are not touched.",
				"An entry whose mapping changed since its failed execution is refused (see `restart`)." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:every entry restarted completed (or none needed it)",
				"1:some entries failed or stopped again (named in the summary)",
				"2:the fleet file or an entry's mapping is invalid, or the command line is wrong",
				"3:every entry restarted completed, some with rejected records" })
final class FleetRestartCommand extends FleetRunCommand {

	@Override
	boolean restart() {
		return true;
	}

}
