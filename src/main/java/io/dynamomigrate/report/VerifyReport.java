package io.dynamomigrate.report;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What {@code verify} found: per table, how many expected items were compared and how
 * many are missing, differ or are unexpected, with examples and attribute-level
 * differences. Immutable.
 *
 * @param mapping the mapping name
 * @param generatedAt when the report was made (ISO-8601 UTC)
 * @param identical whether the target holds exactly the expected items (of the sample)
 * @param sampling how items were chosen ("all", or the sampled percentage and method)
 * @param scanned whether the target was scanned for items the source does not explain
 * @param tables per-table results
 */
public record VerifyReport(String mapping, String generatedAt, boolean identical, String sampling, boolean scanned,
		List<TableResult> tables) {

	/** One table's result. */
	public record TableResult(String table, long expected, long compared, long missing, long different, long unexpected,
			List<Difference> examples) {
	}

	/** A missing, differing or unexpected item. */
	public record Difference(String kind, String key, String position, List<AttributeDifference> attributes) {
	}

	/** One attribute whose value differs (null: absent). */
	public record AttributeDifference(String attribute, @Nullable String expected, @Nullable String actual) {
	}

}
