package io.dynamomigrate.fleet;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.dynamomigrate.mapping.model.FleetEntrySpec;
import io.dynamomigrate.mapping.model.FleetSpec;
import io.dynamomigrate.mapping.model.FleetVariables;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.validation.MappingProblem;
import io.dynamomigrate.mapping.validation.Problems;
import io.dynamomigrate.mapping.yaml.FleetLoader;
import io.dynamomigrate.mapping.yaml.MappingLoader;
import org.jspecify.annotations.Nullable;

/**
 * A fleet file read with every entry's mapping: each mapping file is read once, its text
 * filled with each entry's variables and read as that entry's mapping, named as the
 * entry's job and with the entry's source. Problems of the fleet file and of every
 * entry's mapping are collected, each entry's prefixed with its name. Immutable.
 *
 * @param fleet the fleet file, or null when it cannot be read
 * @param entries the entries (an entry whose mapping has problems has none)
 * @param problems every problem, as lines to print
 */
public record LoadedFleet(@Nullable FleetSpec fleet, List<FleetEntry> entries, List<String> problems) {

	public LoadedFleet {
		entries = List.copyOf(entries);
		problems = List.copyOf(problems);
	}

	/**
	 * Reads a fleet file and its entries' mappings.
	 * @param environment where {@code { env: NAME }} values come from
	 */
	public static LoadedFleet read(Path file, UnaryOperator<String> environment) {
		return read(file, environment, true);
	}

	/**
	 * Reads a fleet file's entries without their mappings (each entry's mapping is null):
	 * what {@code fleet status} needs, in a fraction of the time for thousands of
	 * entries.
	 */
	public static LoadedFleet entriesOnly(Path file, UnaryOperator<String> environment) {
		return read(file, environment, false);
	}

	private static LoadedFleet read(Path file, UnaryOperator<String> environment, boolean mappings) {
		Problems fleetProblems = new Problems(file);
		FleetSpec fleet = new FleetLoader(environment, InventoryQueries::rows).read(file, fleetProblems);
		List<String> problems = new ArrayList<>();
		fleetProblems.list().forEach((problem) -> problems.add(problem.toString()));
		List<FleetEntry> entries = new ArrayList<>();
		if (fleet == null || !mappings) {
			if (fleet != null) {
				fleet.entries().forEach((spec) -> entries.add(new FleetEntry(spec, spec.jobName(fleet), null)));
			}
			return new LoadedFleet(fleet, entries, problems);
		}
		MappingLoader loader = new MappingLoader(environment);
		Map<Path, String> texts = new HashMap<>();
		for (FleetEntrySpec spec : fleet.entries()) {
			String jobName = spec.jobName(fleet);
			String text = texts.computeIfAbsent(spec.mapping(), LoadedFleet::text);
			Problems entryProblems = new Problems(spec.mapping());
			MappingSpec mapping = null;
			if (text == null) {
				problems.add(prefix(spec) + "cannot read its mapping file " + spec.mapping()
						+ ". Fix: check the `mapping:` path (relative to the fleet file).");
			}
			else {
				mapping = loader.read(spec.mapping(), FleetVariables.fill(text, spec.variables()), entryProblems);
			}
			for (MappingProblem problem : entryProblems.list()) {
				problems.add(prefix(spec) + problem);
			}
			entries.add(new FleetEntry(spec, jobName,
					mapping == null || !entryProblems.isEmpty() ? null : entryMapping(spec, jobName, mapping)));
		}
		return new LoadedFleet(fleet, entries, problems);
	}

	/** The entry's mapping: named as its job, with its source. */
	private static MappingSpec entryMapping(FleetEntrySpec spec, String jobName, MappingSpec mapping) {
		return new MappingSpec(jobName, mapping.file(), mapping.checksum(), spec.connection(mapping.source()),
				mapping.dynamodb(), mapping.tables(), mapping.items());
	}

	private static @Nullable String text(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			return null;
		}
	}

	/** How a line about an entry starts. */
	static String prefix(FleetEntrySpec spec) {
		return "entry " + spec.name() + ": ";
	}

	/** The fleet, which only a fleet with problems may lack. */
	public FleetSpec spec() {
		if (fleet == null) {
			throw new IllegalStateException("The fleet file could not be read");
		}
		return fleet;
	}

}
