package io.dynamomigrate.mapping.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a mapping file has problems; carries all of them, not only the first.
 */
public class InvalidMappingException extends RuntimeException {

	private final List<MappingProblem> problems;

	public InvalidMappingException(List<MappingProblem> problems) {
		super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the mapping:\n"
				+ problems.stream().map(MappingProblem::toString).collect(Collectors.joining("\n")));
		this.problems = List.copyOf(problems);
	}

	public List<MappingProblem> getProblems() {
		return problems;
	}

}
