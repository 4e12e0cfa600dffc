package io.dynamomigrate.report;

import org.jspecify.annotations.Nullable;

/**
 * Price per million write request units (from {@link RegionPrices}), an optional ceiling
 * on the estimated cost, and the pre-warm asked for ({@code --prewarm}, 0 for none) with
 * its price per write unit per second of warm throughput added: what a dry run estimates
 * costs with ({@link DryRunReportBuilder}).
 *
 * @param pricePerMillionWriteUnits USD per million write request units
 * @param basis where the price comes from, for the report
 * @param maxCost the estimated cost above which the verdict is NOT_READY, or null
 * @param prewarm the warm write throughput (WCU/s) to pre-warm to, or 0 for none
 * @param pricePerPrewarmWriteUnit USD per write unit per second of warm throughput added
 */
public record DryRunPricing(double pricePerMillionWriteUnits, String basis, @Nullable Double maxCost, long prewarm,
		double pricePerPrewarmWriteUnit) {

	/**
	 * Price of pre-warming, per write unit per second of warm throughput added to a table
	 * or index, us-east-1 (paid once). An assumption to check against the AWS pricing
	 * page of the target's region; override it with {@code --price-per-prewarm-wcu}.
	 */
	public static final double DEFAULT_PREWARM_PRICE = 0.00125;

	public static final String DEFAULT_PREWARM_BASIS = "pre-warming is paid once, per write unit per second of "
			+ "warm throughput added to the table and to each index, and cannot be undone; USD 0.00125 per WCU "
			+ "is this tool's us-east-1 assumption, to be checked against the AWS pricing page of your region "
			+ "(--price-per-prewarm-wcu)";

	/** Pricing without pre-warming. */
	public DryRunPricing(double pricePerMillionWriteUnits, String basis, @Nullable Double maxCost) {
		this(pricePerMillionWriteUnits, basis, maxCost, 0, DEFAULT_PREWARM_PRICE);
	}

}
