package io.dynamomigrate.mapping.yaml;

import java.nio.file.Path;
import java.util.Objects;

import io.dynamomigrate.mapping.validation.Problems;

/**
 * What the readers of a mapping file's sections share: the node reader, the problems
 * found so far (each with its line and column) and where each part was written. Not
 * thread-safe: the readers of one file run on one thread.
 */
abstract class SectionReader {

	protected final YamlNodes yaml;

	protected final Problems problems;

	protected final Locations locations;

	SectionReader(YamlNodes yaml, Problems problems, Locations locations) {
		this.yaml = yaml;
		this.problems = problems;
		this.locations = locations;
	}

	/** The folder of a mapping file, which relative paths in it are resolved against. */
	static Path folder(Path file) {
		return Objects.requireNonNull(file.toAbsolutePath().getParent(), "a file is in a folder");
	}

}
