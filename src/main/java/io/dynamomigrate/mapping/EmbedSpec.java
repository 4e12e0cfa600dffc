package io.dynamomigrate.mapping;

import java.util.List;

/**
 * A list attribute filled from child rows: for each parent record, the rows of {@code source} whose
 * {@code childColumns} equal the parent's {@code parentColumns}, in {@code orderBy} order, each mapped to a map
 * by {@code attributes}. Child rows are fetched for a whole chunk of parents with one query.
 *
 * @param name the list attribute's name
 * @param table the child table
 * @param parentColumns the parent record's columns the children refer to
 * @param childColumns the child table's columns that refer to the parent
 * @param orderBy the child columns that order the list
 * @param attributes the attributes of each element map
 * @param maxElements the most elements a list may have; more is a reject
 * @param location where the embedding is written
 */
public record EmbedSpec(String name, String table, List<String> parentColumns, List<String> childColumns,
		List<String> orderBy, List<AttributeSpec> attributes, int maxElements, Location location) {

	public EmbedSpec {
		parentColumns = List.copyOf(parentColumns);
		childColumns = List.copyOf(childColumns);
		orderBy = List.copyOf(orderBy);
		attributes = List.copyOf(attributes);
	}

}
