package io.dynamomigrate.dryrun;

import java.nio.file.Path;

import io.dynamomigrate.report.DryRunPricing;
import org.jspecify.annotations.Nullable;

/**
 * What a dry run estimates with, and where its report goes.
 *
 * @param pricePerMillionWrites on-demand price per million write request units (USD)
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
public record DryRunOptions(double pricePerMillionWrites, @Nullable Double maxEstimatedCost,
		@Nullable Double writeUnitsPerSecond, long prewarm, double pricePerPrewarmWriteUnit, boolean targetCheck,
		Path reportDirectory) {

	/** The pricing these options give. */
	public DryRunPricing pricing() {
		return new DryRunPricing(pricePerMillionWrites, DryRunPricing.DEFAULT_BASIS, maxEstimatedCost, prewarm,
				pricePerPrewarmWriteUnit);
	}

}
