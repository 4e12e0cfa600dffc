package io.dynamomigrate.mapping.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A list (or map) attribute filled from child rows: for each parent record, the rows of
 * {@code table} whose {@code childColumns} equal the parent's {@code parentColumns}, in
 * {@code orderBy} order, each mapped to a map by {@code attributes}. As a map
 * ({@code as: map}), the elements are keyed by the text of the {@code key} column. Child
 * rows are fetched for a whole chunk of parents with one query.
 *
 * @param name the attribute's name
 * @param table the child table
 * @param parentColumns the parent record's columns the children refer to
 * @param childColumns the child table's columns that refer to the parent
 * @param orderBy the child columns that order the list
 * @param attributes the attributes of each element map
 * @param maxElements the most elements a list may have; more is a reject
 * @param location where the embedding is written
 * @param mapKey the child column whose text keys the elements of a map ({@code as: map}),
 * or null for a list
 */
public record EmbedSpec(String name, String table, List<String> parentColumns, List<String> childColumns,
		List<String> orderBy, List<AttributeSpec> attributes, int maxElements, Location location,
		@Nullable String mapKey) {

	public EmbedSpec {
		parentColumns = List.copyOf(parentColumns);
		childColumns = List.copyOf(childColumns);
		orderBy = List.copyOf(orderBy);
		attributes = List.copyOf(attributes);
	}

	/** An embedding as a list. */
	public EmbedSpec(String name, String table, List<String> parentColumns, List<String> childColumns,
			List<String> orderBy, List<AttributeSpec> attributes, int maxElements, Location location) {
		this(name, table, parentColumns, childColumns, orderBy, attributes, maxElements, location, null);
	}

}
