package io.dynamomigrate.mapping.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The rules of an item definition beyond its attributes: which records become items
 * ({@code filter}), what happens to columns no attribute reads ({@code unmappedColumns}),
 * and which index key attributes its items may lack ({@code optionalIndexKeys}).
 *
 * @param filter the records that become items; the others are counted as filtered; null
 * for all
 * @param unmappedColumns what columns that no attribute reads become
 * @param optionalIndexKeys GSI key attributes the definition may leave out (its items are
 * then not in that index)
 */
public record ItemRules(@Nullable Condition filter, UnmappedColumns unmappedColumns, List<String> optionalIndexKeys) {

	/** No filter, unmapped columns dropped, every index key attribute required. */
	public static final ItemRules DEFAULT = new ItemRules(null, UnmappedColumns.DROP, List.of());

	public ItemRules {
		optionalIndexKeys = List.copyOf(optionalIndexKeys);
	}

}
