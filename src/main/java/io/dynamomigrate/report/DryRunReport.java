package io.dynamomigrate.report;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a dry run found: the verdict first, then per-step counts, per-table sizes,
 * capacity, cost, collisions, hot keys and checks against existing tables. Written as
 * JSON and as a self-contained HTML page. Immutable.
 *
 * @param mapping the mapping name
 * @param mappingFile the mapping file
 * @param generatedAt when the report was made (ISO-8601 UTC)
 * @param verdict READY, READY_WITH_WARNINGS or NOT_READY
 * @param verdictText the verdict in plain language
 * @param findings what to look at or fix, most serious first
 * @param steps per-step counts and reject samples
 * @param tables per-table sizes, capacity and cost
 * @param collisions key collisions across the whole run
 * @param pricing how the cost was estimated
 * @param paths the two ways of loading: writes and Import from S3, their costs and
 * durations, and which one a run should take
 */
public record DryRunReport(String mapping, String mappingFile, String generatedAt, Verdict verdict, String verdictText,
		List<Finding> findings, List<StepReport> steps, List<TableReport> tables, Collisions collisions,
		Pricing pricing, LoadPaths paths) {

	/** The overall outcome; the dry-run exit code follows it. */
	public enum Verdict {

		READY, READY_WITH_WARNINGS, NOT_READY

	}

	/** One thing to look at. {@code severity} is WARNING or BLOCKER. */
	public record Finding(String severity, String message, String fix) {
	}

	/** A step's counts; {@code rejectSamples} holds a few rejects per reason. */
	public record StepReport(String step, String table, long read, long items, long rejected, long filtered,
			long duplicateKeysInChunks, Map<String, Long> rejectReasons, List<RejectSample> rejectSamples) {
	}

	/** One rejected record, its position and (truncated) value. */
	public record RejectSample(String reason, String position, String attribute, String message, String value) {
	}

	/**
	 * A table's load: items, sizes, capacity, cost, hot keys, and what the existing table
	 * holds; with {@code --prewarm}, the write units per second of warm throughput it
	 * would add (table and indexes) and their one-time cost (apart from
	 * {@code estimatedCost}, and in the total).
	 */
	public record TableReport(String table, long items, long writeUnits, double averageItemBytes,
			Map<String, Long> sizePercentiles, List<SizeBucket> sizeHistogram, List<LargeItem> largestItems,
			long itemsNearSizeLimit, double assumedWriteUnitsPerSecond, String assumedWriteRateSource,
			double estimatedSeconds, double estimatedCost, List<HotKey> hotKeys, TargetCheck target,
			long prewarmWriteUnits, double prewarmCost) {
	}

	/** Items whose size falls in [fromBytes, toBytes). */
	public record SizeBucket(String label, long fromBytes, long toBytes, long items, int percentOfMax) {
	}

	/** One of the largest items. */
	public record LargeItem(String key, long bytes, String position) {
	}

	/** A partition key value with its load and share of the table's write units. */
	public record HotKey(String partitionKey, long items, long writeUnits, double share) {
	}

	/**
	 * The existing target table, if any: whether it exists, what differs from the
	 * mapping, and how many of a sample of keys are already there.
	 */
	public record TargetCheck(boolean checked, boolean exists, List<String> differences, int sampledKeys,
			int sampledPresent, @Nullable String note) {
	}

	/** Key collisions across chunks (within a chunk, onDuplicateKey resolves them). */
	public record Collisions(String method, long count, List<Collision> examples) {
	}

	/** Two records with the same primary key in different chunks. */
	public record Collision(String table, String key, String firstPosition, String secondPosition, String outcome) {
	}

	/**
	 * Writes ({@code BatchWriteItem}, per write unit) against Import from S3 (per GB of
	 * uncompressed DynamoDB JSON, new tables only), side by side. {@code recommended} is
	 * {@code writes} or {@code import}: the cheaper one that can load the mapping's
	 * tables; {@code --max-estimated-cost} applies to it.
	 *
	 * @param writeCost the writes' cost (pre-warm included)
	 * @param writeSeconds the writes' estimated duration
	 * @param importCost the import's cost
	 * @param importSeconds the import's estimated duration (an assumption, see
	 * {@link RegionPrices})
	 * @param importBytes the uncompressed DynamoDB JSON an import would read
	 * @param pricePerImportGb USD per GB imported
	 * @param importBasis where the import's price and duration come from
	 * @param importPossible whether an import can load the tables (all new, no deletes)
	 * @param recommended {@code writes} or {@code import}
	 * @param reason why, in a sentence
	 */
	public record LoadPaths(double writeCost, double writeSeconds, double importCost, double importSeconds,
			long importBytes, double pricePerImportGb, String importBasis, boolean importPossible, String recommended,
			String reason) {

		/** The cost of the recommended path. */
		public double recommendedCost() {
			return "import".equals(recommended) ? importCost : writeCost;
		}

	}

	/**
	 * How costs were estimated. {@code totalCost} includes the pre-warm's one-time cost;
	 * {@code prewarm} is the warm write throughput asked for with {@code --prewarm}, or
	 * null.
	 */
	public record Pricing(double pricePerMillionWriteUnits, String currency, String basis, @Nullable Double maxCost,
			double totalCost, @Nullable Long prewarm, double pricePerPrewarmWriteUnit, String prewarmBasis,
			double prewarmCost) {
	}

}
