package io.dynamomigrate.verify;

import java.nio.file.Path;

/**
 * What a verification compares, how fast it reads, and where its report goes.
 *
 * @param samplePercent the share of items compared (more than 0, at most 100), chosen by
 * a hash of their keys
 * @param scan whether to scan the target tables for items the source does not explain
 * @param readCapacity read units per second per table for {@code BatchGetItem} and
 * {@code Scan}
 * @param reportDirectory where the JSON and HTML report are written
 */
public record VerifyOptions(double samplePercent, boolean scan, long readCapacity, Path reportDirectory) {

	/** How the report describes the sampling. */
	String sampling() {
		return samplePercent >= 100 ? "all items compared"
				: samplePercent + "% of items compared, chosen by the SHA-256 of their keys";
	}

}
