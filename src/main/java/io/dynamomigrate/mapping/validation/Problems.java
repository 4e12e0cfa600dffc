package io.dynamomigrate.mapping.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.dynamomigrate.mapping.model.Location;

/**
 * Collects the problems found in one mapping file, so validation reports all of them at
 * once. Not thread-safe.
 */
public final class Problems {

	private final Path file;

	private final List<MappingProblem> problems = new ArrayList<>();

	public Problems(Path file) {
		this.file = file;
	}

	public void add(Location location, ProblemCode code, String message, String fix) {
		problems.add(new MappingProblem(file, location, code, message, fix));
	}

	public boolean isEmpty() {
		return problems.isEmpty();
	}

	/** The problems, in file order. */
	public List<MappingProblem> list() {
		List<MappingProblem> sorted = new ArrayList<>(problems);
		sorted.sort(Comparator.comparingInt((MappingProblem p) -> p.location().line())
			.thenComparingInt((p) -> p.location().column()));
		return sorted;
	}

	/** Throws {@link InvalidMappingException} when there is any problem. */
	public void throwIfAny() {
		if (!problems.isEmpty()) {
			throw new InvalidMappingException(list());
		}
	}

}
