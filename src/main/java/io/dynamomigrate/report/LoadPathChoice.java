package io.dynamomigrate.report;

import java.math.BigDecimal;
import java.util.Map;

import io.dynamomigrate.dynamodb.imports.ImportChecks;
import io.dynamomigrate.dynamodb.table.TargetInspector;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.model.TableSpec;
import org.jspecify.annotations.Nullable;

/**
 * Compares the two ways of loading a mapping's tables and picks one: writes
 * ({@code BatchWriteItem}, billed per write unit) or Import from S3 (billed per GB of
 * uncompressed DynamoDB JSON, into new tables only, without deletes). The import is
 * recommended when it can load every table and costs less. Thread-safe.
 */
final class LoadPathChoice {

	private LoadPathChoice() {
	}

	static DryRunReport.LoadPaths choose(MappingSpec mapping, Map<String, TargetInspector.Inspection> inspections,
			double writeCost, double writeSeconds, long importBytes, RegionPrices prices) {
		double importCost = BigDecimal.valueOf(importBytes)
			.multiply(BigDecimal.valueOf(prices.importPerGb()))
			.movePointLeft(9)
			.doubleValue();
		double importSeconds = DryRunReportBuilder.round(mapping.tables().size() * RegionPrices.IMPORT_SETUP_SECONDS
				+ importBytes / RegionPrices.IMPORT_BYTES_PER_SECOND);
		String notPossible = whyNot(mapping, inspections);
		boolean cheaper = importCost < writeCost;
		String recommended = notPossible == null && cheaper ? "import" : "writes";
		String reason = notPossible != null ? "An import cannot load these tables: " + notPossible
				: cheaper ? "Every table is new and the import costs less: run with --via-import s3://bucket/prefix/."
						: "The writes cost no more than the import.";
		String basis = prices.basis() + "; an import's duration assumed as " + (long) RegionPrices.IMPORT_SETUP_SECONDS
				+ " s per table plus 1 GB a minute (this tool's assumption, not an AWS figure)";
		return new DryRunReport.LoadPaths(writeCost, writeSeconds, importCost, importSeconds, importBytes,
				prices.importPerGb(), basis, notPossible == null, recommended, reason);
	}

	/**
	 * Why an import cannot load the tables (one exists, or was not checked; the mapping
	 * deletes), or null.
	 */
	private static @Nullable String whyNot(MappingSpec mapping, Map<String, TargetInspector.Inspection> inspections) {
		String problem = ImportChecks.mappingProblem(mapping);
		if (problem != null) {
			return problem;
		}
		for (TableSpec table : mapping.tables()) {
			TargetInspector.Inspection inspection = inspections.get(table.name());
			if (inspection == null) {
				return "the target was not checked, so table " + table.name() + " may exist (an import only "
						+ "creates new tables).";
			}
			if (inspection.exists()) {
				return "table " + table.name() + " exists, and an import only creates new tables.";
			}
		}
		return null;
	}

}
