package io.dynamomigrate.mapping.model;

/**
 * A position in a mapping file, 1-based, for messages.
 *
 * @param line the line
 * @param column the column
 */
public record Location(int line, int column) {

	/**
	 * A location for things that come from nowhere in a file (command-line overrides,
	 * defaults).
	 */
	public static final Location NONE = new Location(0, 0);

	@Override
	public String toString() {
		return line + ":" + column;
	}

}
