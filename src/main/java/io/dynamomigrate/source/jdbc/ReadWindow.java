package io.dynamomigrate.source.jdbc;

import org.jspecify.annotations.Nullable;

/**
 * The rows a run reads by the value of an incremental column, {@code column > after}
 * (every row when {@code after} is null), and the mark the run records for the next one,
 * {@code until}: the column's largest value when the run started. There is no upper
 * bound: a row changed while the run reads is read now if the reader has not passed it,
 * and again by the next run, so no change is lost whatever the reading order. Immutable.
 *
 * @param column the incremental column, or null when there are no bounds
 * @param after the exclusive lower bound: the previous successful run's mark lowered by
 * the overlap
 * @param until the mark: the column's largest value when the run started, or null when
 * the source had no rows
 */
public record ReadWindow(@Nullable String column, @Nullable Watermark after, @Nullable Watermark until) {

	/** Every row. */
	public static final ReadWindow ALL = new ReadWindow(null, null, null);

	public ReadWindow {
		if (column == null && (after != null || until != null)) {
			throw new IllegalArgumentException("A bounded window needs its column");
		}
	}

}
