package io.dynamomigrate.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.validation.InvalidMappingException;
import io.dynamomigrate.mapping.validation.MappingProblem;
import io.dynamomigrate.mapping.validation.MappingWarnings;
import io.dynamomigrate.mapping.validation.Problems;
import io.dynamomigrate.mapping.yaml.MappingLoader;
import org.jspecify.annotations.Nullable;

/**
 * Reads mapping files for a session (or for {@code validate}), applying the command
 * line's overrides, and words their problems as the commands print them.
 */
public final class MappingFiles {

	private MappingFiles() {
	}

	/**
	 * The valid mapping with the overrides applied.
	 * @throws InvalidMappingException with every problem the file has
	 */
	public static MappingSpec load(Path file, UnaryOperator<MappingSpec> overrides) {
		return overrides.apply(new MappingLoader().load(file));
	}

	/**
	 * The mapping as far as it could be read, with the overrides, its problems added to
	 * {@code problems}; null when the file cannot be read or is not YAML.
	 */
	public static @Nullable MappingSpec read(Path file, UnaryOperator<MappingSpec> overrides, Problems problems) {
		MappingSpec spec = new MappingLoader().read(file, problems);
		return spec == null ? null : overrides.apply(spec);
	}

	/** The warnings of a valid mapping ({@link MappingWarnings}), one a line. */
	public static List<String> warnings(MappingSpec mapping) {
		return MappingWarnings.of(mapping);
	}

	/**
	 * The lines that report a mapping's problems: one a problem, then how many were
	 * found.
	 */
	public static List<String> problemLines(InvalidMappingException ex) {
		List<String> lines = new ArrayList<>();
		for (MappingProblem problem : ex.getProblems()) {
			lines.add(problem.toString());
		}
		lines.add(
				String.format("%d problem%s found.", ex.getProblems().size(), ex.getProblems().size() == 1 ? "" : "s"));
		return lines;
	}

}
