package io.dynamomigrate.mapping.model;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A fleet file: many entries, each one mapping run against one source, run, validated,
 * dry-run and followed as one. Immutable.
 *
 * @param name the fleet's name; each entry's job is named {@code <fleet>.<entry>}
 * @param file the file it was read from
 * @param entries the entries, in file order (the shards of each group in inventory order)
 */
public record FleetSpec(String name, Path file, List<FleetEntrySpec> entries) {

	/** What names of fleets and entries may be made of. */
	public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

	/** The longest job name ({@code <fleet>.<entry>}) a job repository keeps. */
	public static final int MAX_JOB_NAME = 100;

	public FleetSpec {
		entries = List.copyOf(entries);
	}

	/** The prefix of every job name of the fleet's entries. */
	public String jobPrefix() {
		return name + ".";
	}

}
