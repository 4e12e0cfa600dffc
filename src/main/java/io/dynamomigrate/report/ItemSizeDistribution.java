package io.dynamomigrate.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.report.DryRunReport.SizeBucket;
import org.HdrHistogram.Histogram;

/**
 * The item sizes of a table as a dry-run report shows them: percentiles and a histogram
 * in buckets from 0 B up to the 400 KB item limit, the last but one starting where items
 * are near that limit. Thread-safe.
 */
final class ItemSizeDistribution {

	private static final long[] BUCKETS = { 0, 1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072, 262144,
			DryRunFindings.NEAR_LIMIT_BYTES, 400 * 1024 + 1 };

	private ItemSizeDistribution() {
	}

	/** p50, p90, p99, p99.9 and max of the sizes, in bytes (all 0 without items). */
	static Map<String, Long> percentiles(Histogram sizes, long items) {
		Map<String, Long> percentiles = new LinkedHashMap<>();
		for (double p : new double[] { 50, 90, 99, 99.9 }) {
			percentiles.put("p" + (p == Math.rint(p) ? String.valueOf((int) p) : String.valueOf(p)),
					items == 0 ? 0 : sizes.getValueAtPercentile(p));
		}
		percentiles.put("max", items == 0 ? 0 : sizes.getMaxValue());
		return percentiles;
	}

	/**
	 * The count of items in each bucket, with its bar's length in percent of the fullest
	 * bucket.
	 */
	static List<SizeBucket> buckets(Histogram sizes, long items) {
		List<SizeBucket> buckets = new ArrayList<>();
		long maxCount = 1;
		long[] counts = new long[BUCKETS.length - 1];
		for (int i = 0; i + 1 < BUCKETS.length; i++) {
			counts[i] = items == 0 ? 0 : sizes.getCountBetweenValues(Math.max(1, BUCKETS[i]), BUCKETS[i + 1] - 1);
			maxCount = Math.max(maxCount, counts[i]);
		}
		for (int i = 0; i + 1 < BUCKETS.length; i++) {
			buckets.add(new SizeBucket(label(BUCKETS[i]) + " – " + label(BUCKETS[i + 1] - 1), BUCKETS[i],
					BUCKETS[i + 1], counts[i], (int) Math.round(100.0 * counts[i] / maxCount)));
		}
		return buckets;
	}

	private static String label(long bytes) {
		return bytes < 1024 ? bytes + " B" : (bytes + 1) / 1024 + " KB";
	}

}
