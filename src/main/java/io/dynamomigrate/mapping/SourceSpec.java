package io.dynamomigrate.mapping;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where the records of one item definition come from: a table or a query of the mapping's JDBC source.
 *
 * @param table a table name (optionally schema-qualified), or null when {@code query} is set
 * @param query a single SELECT statement, or null when {@code table} is set
 * @param key the columns that identify a record uniquely; records are read in this order, and a restarted step
 * continues after the last key it committed
 * @param where an optional SQL condition on the table's rows (only with {@code table})
 * @param location where the source is written
 */
public record SourceSpec(@Nullable String table, @Nullable String query, List<String> key, @Nullable String where,
		Location location) {

	public SourceSpec {
		key = List.copyOf(key);
	}

	/** A short description for positions and messages: the table name or {@code query}. */
	public String label() {
		return table != null ? table : "query";
	}

}
