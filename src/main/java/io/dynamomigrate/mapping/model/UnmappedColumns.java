package io.dynamomigrate.mapping.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What happens to the columns of a record that no attribute reads (record to record, or
 * record to document).
 *
 * @param mode drop them, make each an attribute, or gather them into one map attribute
 * @param mapAttribute the map attribute's name for {@link Mode#MAP}, else null
 * @param exclude columns that are never added
 * @param location where it is written
 */
public record UnmappedColumns(Mode mode, @Nullable String mapAttribute, List<String> exclude, Location location) {

	/**
	 * Unmapped columns are dropped: the default when attributes are listed explicitly.
	 */
	public static final UnmappedColumns DROP = new UnmappedColumns(Mode.DROP, null, List.of(), Location.NONE);

	public UnmappedColumns {
		exclude = List.copyOf(exclude);
	}

	/** The modes. */
	public enum Mode {

		/** Leave unmapped columns out. */
		DROP,
		/**
		 * Each unmapped column becomes an attribute of the same name, with the type
		 * inferred from the column.
		 */
		ATTRIBUTES,
		/** The unmapped columns become one map attribute, column name to value. */
		MAP

	}

}
