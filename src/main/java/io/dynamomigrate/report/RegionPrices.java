package io.dynamomigrate.report;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The prices a dry run compares the two ways of loading a new table with, per region: the
 * one place they are kept (the README's "Loading a new table through Import from S3"
 * shows this table). Writes cost {@code writePerMillion} per million write request units
 * (on-demand, standard table class); an import costs {@code importPerGb} per GB of
 * uncompressed source data in S3, whatever the item sizes. Estimates, not quotes:
 * {@code --price-per-million-writes} and {@code --price-per-import-gb} override them.
 *
 * @param region the region
 * @param writePerMillion USD per million write request units, on-demand
 * @param importPerGb USD per GB of uncompressed data imported from S3
 * @param basis where the prices come from, for the report
 */
public record RegionPrices(String region, double writePerMillion, double importPerGb, String basis) {

	/** The region whose prices are used when a region has none in the table. */
	public static final String DEFAULT_REGION = "us-east-1";

	/**
	 * The table. Only prices checked against the AWS pricing page are listed; add a
	 * region here (one line) rather than anywhere else.
	 */
	static final Map<String, RegionPrices> TABLE = Map.of(DEFAULT_REGION, new RegionPrices(DEFAULT_REGION, 0.625, 0.15,
			"AWS list prices for us-east-1 (on-demand writes USD 0.625 per million write request units after the "
					+ "November 2024 price cut; Import from S3 USD 0.15 per GB of uncompressed source data)"));

	/**
	 * Seconds every import takes whatever its size (table creation, scheduling): this
	 * tool's assumption, not an AWS figure.
	 */
	public static final double IMPORT_SETUP_SECONDS = 300;

	/**
	 * Uncompressed bytes per second an import loads: this tool's assumption (1 GB a
	 * minute), not an AWS figure; imports of uniformly distributed keys in many mid-sized
	 * objects go faster.
	 */
	public static final double IMPORT_BYTES_PER_SECOND = 1e9 / 60;

	/**
	 * The prices of a region, or those of {@value #DEFAULT_REGION} with a basis that says
	 * so.
	 */
	public static RegionPrices of(@Nullable String region) {
		RegionPrices prices = TABLE.get(region == null ? DEFAULT_REGION : region);
		if (prices != null) {
			return prices;
		}
		RegionPrices fallback = Objects.requireNonNull(TABLE.get(DEFAULT_REGION), "the default region's prices");
		return new RegionPrices(DEFAULT_REGION, fallback.writePerMillion(), fallback.importPerGb(),
				"no prices for " + region + " in this tool's table, so " + fallback.basis()
						+ "; give your region's with --price-per-million-writes and --price-per-import-gb");
	}

}
