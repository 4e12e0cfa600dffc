package io.dynamomigrate.mapping.validation;

import java.nio.file.Path;

import io.dynamomigrate.mapping.model.Location;

/**
 * One problem in a mapping file, with where it is and how to fix it.
 *
 * @param file the mapping file
 * @param location line and column
 * @param code what kind of problem it is
 * @param message what is wrong
 * @param fix how to fix it
 */
public record MappingProblem(Path file, Location location, ProblemCode code, String message, String fix) {

	/**
	 * {@code file:line:column: message (fix)}, the form compilers use, so editors can
	 * jump to it.
	 */
	@Override
	public String toString() {
		String where = location.line() > 0 ? file + ":" + location : file.toString();
		return where + ": " + message + (fix.isEmpty() ? "" : " Fix: " + fix);
	}

}
