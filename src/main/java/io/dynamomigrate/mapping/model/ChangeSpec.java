package io.dynamomigrate.mapping.model;

import org.jspecify.annotations.Nullable;

/**
 * How an item definition carries changes of a live source over to DynamoDB in scheduled
 * runs: which column tells what changed ({@code incremental}), and which records are
 * deletions ({@code deletes}).
 *
 * @param incremental the column whose high-water mark selects the changed rows, or null
 * to read every row in every run
 * @param deleteWhen rows that become {@code DeleteRequest}s of their item's key (soft
 * deletes), or null
 * @param tombstones a table or query listing the keys of deleted rows, or null
 */
public record ChangeSpec(@Nullable IncrementalSpec incremental, @Nullable Condition deleteWhen,
		@Nullable TombstoneSpec tombstones) {

	/** Every row read in every run, nothing deleted. */
	public static final ChangeSpec NONE = new ChangeSpec(null, null, null);

	/**
	 * {@code incremental: { column: updated_at, overlap: 1m }}.
	 *
	 * @param column a date, time or number column that grows whenever a row is written
	 * @param overlap how far below the last run's high-water mark the next run starts
	 * reading (clock skew, transactions that commit late): a duration such as
	 * {@code 90s}, {@code 5m}, {@code 1h} for date/time columns, a number for numeric
	 * ones; null for the default (1 minute, or 0 for numbers)
	 * @param location where it is written
	 */
	public record IncrementalSpec(String column, @Nullable String overlap, Location location) {
	}

	/**
	 * {@code deletes.tombstones}: rows naming deleted records, read with the same key
	 * columns as the item's source.
	 *
	 * @param source the tombstone table or query; its key orders and restarts the reading
	 * @param column the column telling when a tombstone was written, so that scheduled
	 * runs read only new ones; null to read every tombstone in every run
	 */
	public record TombstoneSpec(SourceSpec source, @Nullable String column) {
	}

}
