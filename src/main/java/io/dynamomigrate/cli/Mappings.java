package io.dynamomigrate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import io.dynamomigrate.mapping.InvalidMappingException;
import io.dynamomigrate.mapping.MappingLoader;
import io.dynamomigrate.mapping.MappingProblem;
import io.dynamomigrate.mapping.MappingSpec;

/**
 * Loads mappings for commands, applying command-line overrides, and prints their problems.
 */
final class Mappings {

	private Mappings() {
	}

	static MappingSpec load(Path file, SourceOptions source) {
		MappingSpec spec = new MappingLoader().load(file);
		return spec.withSource(source.apply(spec.source()));
	}

	static void print(InvalidMappingException ex, PrintWriter err) {
		for (MappingProblem problem : ex.getProblems()) {
			err.println(problem);
		}
		err.printf("%d problem%s found.%n", ex.getProblems().size(), ex.getProblems().size() == 1 ? "" : "s");
		err.flush();
	}

}
