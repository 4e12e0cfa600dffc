package io.dynamomigrate.dryrun;

import java.nio.file.Path;

import io.dynamomigrate.report.DryRunPricing;
import io.dynamomigrate.report.RegionPrices;
import org.jspecify.annotations.Nullable;

/**
 * What a dry run estimates with, and where its report goes.
 *
 * @param prices the prices of writes and of an import (the region's, or as overridden)
 * @param maxEstimatedCost the verdict is NOT_READY above this estimated cost (USD), or
 * null for no limit
 * @param writeUnitsPerSecond write units per second to estimate durations with, or null
 * for the tables' own
 * @param prewarm the warm write throughput (WCU/s) whose cost to show, or 0 for none
 * @param pricePerPrewarmWriteUnit price of pre-warming per write unit per second added
 * (USD)
 * @param targetCheck whether to look at the target tables (DescribeTable and a sampled
 * BatchGetItem)
 * @param reportDirectory where the JSON and HTML report are written
 */
public record DryRunOptions(RegionPrices prices, @Nullable Double maxEstimatedCost,
		@Nullable Double writeUnitsPerSecond, long prewarm, double pricePerPrewarmWriteUnit, boolean targetCheck,
		Path reportDirectory) {

	/** The pricing these options give. */
	public DryRunPricing pricing() {
		return new DryRunPricing(prices.writePerMillion(), prices.basis(), maxEstimatedCost, prewarm,
				pricePerPrewarmWriteUnit);
	}

}
