package io.dynamomigrate.mapping.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where the records of one item definition come from: a table or a query of the mapping's
 * JDBC source.
 *
 * @param table a table name (optionally schema-qualified), or null when {@code query} is
 * set
 * @param query a single SELECT statement, or null when {@code table} is set
 * @param key the columns that identify a record uniquely; records are read in this order,
 * and a restarted step continues after the last key it committed
 * @param where an optional SQL condition on the table's rows (only with {@code table})
 * @param location where the source is written
 * @param file the file source, or null for a JDBC source (then {@code table} or
 * {@code query} is set)
 */
public record SourceSpec(@Nullable String table, @Nullable String query, List<String> key, @Nullable String where,
		Location location, @Nullable FileSourceSpec file) {

	public SourceSpec {
		key = List.copyOf(key);
	}

	/** A JDBC source. */
	public SourceSpec(@Nullable String table, @Nullable String query, List<String> key, @Nullable String where,
			Location location) {
		this(table, query, key, where, location, null);
	}

	/** Whether the records come from files rather than the JDBC source. */
	public boolean isFile() {
		return file != null;
	}

	/**
	 * A short description for positions and messages: the table name, {@code query}, or
	 * the file path.
	 */
	public String label() {
		return file != null ? file.path() : table != null ? table : "query";
	}

}
