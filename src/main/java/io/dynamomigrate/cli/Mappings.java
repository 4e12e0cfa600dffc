package io.dynamomigrate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.validation.InvalidMappingException;
import io.dynamomigrate.mapping.validation.MappingProblem;
import io.dynamomigrate.mapping.validation.MappingWarnings;
import io.dynamomigrate.mapping.validation.Problems;
import io.dynamomigrate.mapping.yaml.MappingLoader;
import org.jspecify.annotations.Nullable;

/**
 * Loads mappings for commands, applying command-line overrides, and prints their problems.
 */
final class Mappings {

	private Mappings() {
	}

	static MappingSpec load(Path file, SourceOptions source) {
		return source.apply(new MappingLoader().load(file));
	}

	/** The mapping with the command line's overrides, or null after printing every problem it has. */
	static @Nullable MappingSpec loadOrReport(Path file, SourceOptions source, PrintWriter err) {
		try {
			return load(file, source);
		}
		catch (InvalidMappingException ex) {
			print(ex, err);
			return null;
		}
	}

	/**
	 * The mapping as far as it could be read, with the command line's overrides, its problems added to
	 * {@code problems}; null when the file cannot be read or is not YAML.
	 */
	static @Nullable MappingSpec read(Path file, SourceOptions source, Problems problems) {
		MappingSpec spec = new MappingLoader().read(file, problems);
		return spec == null ? null : source.apply(spec);
	}

	/** Prints the warnings of a valid mapping ({@link MappingWarnings}), one a line, before anything runs. */
	static void warn(MappingSpec mapping, PrintWriter err) {
		MappingWarnings.of(mapping).forEach(err::println);
		err.flush();
	}

	static void print(InvalidMappingException ex, PrintWriter err) {
		for (MappingProblem problem : ex.getProblems()) {
			err.println(problem);
		}
		err.printf("%d problem%s found.%n", ex.getProblems().size(), ex.getProblems().size() == 1 ? "" : "s");
		err.flush();
	}

}
