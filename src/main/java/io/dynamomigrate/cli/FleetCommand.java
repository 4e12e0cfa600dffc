package io.dynamomigrate.cli;

import picocli.CommandLine.Command;

/**
 * {@code fleet}: the commands over a fleet file, each a subcommand.
 */
@Command(name = "fleet", mixinStandardHelpOptions = true,
		description = { "Validate, dry-run, run, follow and restart many migrations as one: the entries of a fleet "
				+ "file (fleet.yml) — shards of one schema (one mapping, many sources with their variables) and "
				+ "services (mappings with their own sources). Each entry is one job named <fleet>.<entry> in the "
				+ "job repository; entries writing one table share its write budget.",
				"See the fleet file reference in mappings/README.md." },
		subcommands = { FleetValidateCommand.class, FleetDryRunCommand.class, FleetRunCommand.class,
				FleetStatusCommand.class, FleetRestartCommand.class })
final class FleetCommand {

}
