package io.dynamomigrate.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.dynamomigrate.dynamodb.capacity.WarmThroughputs;
import io.dynamomigrate.dynamodb.table.TargetInspector;
import io.dynamomigrate.mapping.model.BillingMode;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.model.TableSpec;
import io.dynamomigrate.report.DryRunReport.Finding;
import io.dynamomigrate.report.DryRunReport.RejectSample;
import io.dynamomigrate.report.DryRunReport.SizeBucket;
import io.dynamomigrate.report.DryRunReport.StepReport;
import io.dynamomigrate.report.DryRunReport.TableReport;
import io.dynamomigrate.report.DryRunReport.TargetCheck;
import io.dynamomigrate.report.DryRunReport.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * Turns a dry run's summary and findings into a {@link DryRunReport} with a verdict:
 * NOT_READY when something would stop or spoil the run (an existing table whose key
 * schema differs, a cost over {@code --max-estimated-cost}), READY_WITH_WARNINGS when
 * data would be rejected, overwritten or unevenly loaded, READY otherwise. Thread-safe.
 */
public final class DryRunReportBuilder {

	/** Write units per second assumed for on-demand tables when no budget is given. */
	public static final double ON_DEMAND_DEFAULT_WCU = 1000;

	/**
	 * A partition key carrying more than this share of a table's write units is reported
	 * as hot.
	 */
	static final double HOT_SHARE = 0.10;

	private final DryRunPricing pricing;

	private final @Nullable Double writeUnitsPerSecond;

	private final RegionPrices prices;

	/**
	 * @param pricing the on-demand price and an optional cost ceiling
	 * @param writeUnitsPerSecond the write budget to estimate durations with, or null for
	 * each table's own
	 * @param prices the import's price per GB and its basis
	 */
	public DryRunReportBuilder(DryRunPricing pricing, @Nullable Double writeUnitsPerSecond, RegionPrices prices) {
		this.pricing = pricing;
		this.writeUnitsPerSecond = writeUnitsPerSecond;
		this.prices = prices;
	}

	public DryRunReport build(MappingSpec mapping, RunSummary summary, DryRunFindings findings,
			Map<String, TargetInspector.Inspection> inspections, @Nullable String inspectionNote) {
		List<Finding> blockers = new ArrayList<>();
		List<Finding> warnings = new ArrayList<>();
		Map<String, List<RejectSample>> samples = RejectSamples.read(summary.rejectsFile());
		List<StepReport> steps = new ArrayList<>();
		for (StepSummary step : summary.steps()) {
			long duplicates = findings.duplicatesInChunks(step.step());
			steps.add(new StepReport(step.step(), step.table(), step.read(), step.written(), step.rejected(),
					step.filtered(), duplicates, step.rejectReasons(), samples.getOrDefault(step.step(), List.of())));
			if (step.rejected() > 0) {
				warnings.add(new Finding("WARNING",
						"Step " + step.step() + " would reject " + step.rejected() + " of " + step.read() + " records ("
								+ step.rejectReasons() + ").",
						"Look at the samples below and fix the data or the mapping; rejected records are not migrated."));
			}
			if (duplicates > 0) {
				warnings.add(new Finding("WARNING",
						"Step " + step.step() + ": " + duplicates + " records share a "
								+ "key with another record of their chunk.",
						"Check the key templates; onDuplicateKey decides."));
			}
		}
		if (!"COMPLETED".equals(summary.status())) {
			blockers.add(new Finding("BLOCKER", "The dry run did not complete: " + summary.failure(),
					"Fix the cause and run dry-run again."));
		}
		List<TableReport> tables = new ArrayList<>();
		long writeUnits = 0;
		long prewarmUnits = 0;
		long importBytes = 0;
		double writeSeconds = 0;
		for (TableSpec table : mapping.tables()) {
			TableReport report = table(table, findings.table(table.name()), inspections.get(table.name()),
					inspectionNote, blockers, warnings);
			writeUnits += report.writeUnits();
			prewarmUnits += report.prewarmWriteUnits();
			importBytes += findings.table(table.name()).importBytes;
			writeSeconds += report.estimatedSeconds();
			tables.add(report);
		}
		BigDecimal prewarmCost = prewarmCost(prewarmUnits);
		BigDecimal writeCost = cost(writeUnits).add(prewarmCost);
		DryRunReport.LoadPaths paths = LoadPathChoice.choose(mapping, inspections, writeCost.doubleValue(),
				round(writeSeconds), importBytes, prices);
		BigDecimal totalCost = BigDecimal.valueOf(paths.recommendedCost());
		if (findings.collisions() > 0) {
			warnings.add(new Finding("WARNING",
					findings.collisions() + " records have the same primary key as a "
							+ "record of an earlier chunk; a real run keeps only the last one.",
					"Make the key templates unique, or accept that later records replace earlier ones."));
		}
		if (pricing.maxCost() != null && totalCost.compareTo(BigDecimal.valueOf(pricing.maxCost())) > 0) {
			blockers.add(new Finding("BLOCKER",
					"The estimated cost " + usd(totalCost.doubleValue()) + " USD (" + paths.recommended()
							+ ", the path a run should take) is over the limit of "
							+ BigDecimal.valueOf(pricing.maxCost()).stripTrailingZeros().toPlainString() + " USD.",
					"Raise --max-estimated-cost, or reduce what is written (fewer items, attributes or indexes)"
							+ (pricing.prewarm() > 0 ? " or the --prewarm throughput." : ".")));
		}
		List<Finding> all = new ArrayList<>(blockers);
		all.addAll(warnings);
		Verdict verdict = !blockers.isEmpty() ? Verdict.NOT_READY
				: !warnings.isEmpty() ? Verdict.READY_WITH_WARNINGS : Verdict.READY;
		return new DryRunReport(mapping.name(), mapping.file().toString(),
				Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), verdict, verdictText(verdict, all), all,
				steps, tables,
				new DryRunReport.Collisions(
						"exact: every primary key is kept in an on-disk map (H2 MVStore) "
								+ "during the dry run, so memory stays bounded",
						findings.collisions(), findings.collisionExamples()),
				new DryRunReport.Pricing(pricing.pricePerMillionWriteUnits(), "USD", pricing.basis(), pricing.maxCost(),
						totalCost.doubleValue(), pricing.prewarm() > 0 ? pricing.prewarm() : null,
						pricing.pricePerPrewarmWriteUnit(), DryRunPricing.DEFAULT_PREWARM_BASIS,
						prewarmCost.doubleValue()),
				paths);
	}

	private TableReport table(TableSpec table, DryRunFindings.TableState state,
			TargetInspector.@Nullable Inspection inspection, @Nullable String inspectionNote, List<Finding> blockers,
			List<Finding> warnings) {
		Map<String, Long> percentiles = ItemSizeDistribution.percentiles(state.sizes, state.items);
		List<SizeBucket> buckets = ItemSizeDistribution.buckets(state.sizes, state.items);
		double rate = writeUnitsPerSecond != null ? writeUnitsPerSecond
				: table.billingMode() == BillingMode.PROVISIONED ? table.writeCapacity() : ON_DEMAND_DEFAULT_WCU;
		String rateSource = writeUnitsPerSecond != null ? "--max-write-capacity"
				: table.billingMode() == BillingMode.PROVISIONED ? "the table's provisioned write capacity"
						: "the default for on-demand tables (" + (long) ON_DEMAND_DEFAULT_WCU + " WCU/s)";
		List<DryRunReport.HotKey> hotKeys = state.hotKeys(10);
		for (DryRunReport.HotKey hot : hotKeys) {
			if (hot.share() > HOT_SHARE && state.writeUnits >= 1000) {
				warnings.add(new Finding("WARNING",
						String.format(Locale.ROOT,
								"Partition key %s carries %.0f%% of " + "the write units of table %s.",
								hot.partitionKey(), hot.share() * 100, table.name()),
						"One partition key is served by one partition (1,000 WCU/s at most); spread the key, e.g. "
								+ "with a shard suffix."));
			}
		}
		if (state.nearLimit > 0) {
			warnings.add(new Finding("WARNING",
					state.nearLimit + " items of table " + table.name() + " are within "
							+ "50 KB of the 400 KB item limit.",
					"Check the largest items below; move large values to S3."));
		}
		TargetCheck check = targetCheck(table, inspection, inspectionNote, blockers, warnings);
		long prewarmUnits = inspection != null ? inspection.prewarmIncrease()
				: WarmThroughputs.increase(null, table.globalSecondaryIndexes().size(), pricing.prewarm());
		return new TableReport(table.name(), state.items, state.writeUnits,
				state.items == 0 ? 0 : round((double) state.bytes / state.items), percentiles, buckets,
				state.largestItems(), state.nearLimit, rate, rateSource, round(state.writeUnits / rate),
				cost(state.writeUnits).doubleValue(), hotKeys, check, prewarmUnits,
				prewarmCost(prewarmUnits).doubleValue());
	}

	private static TargetCheck targetCheck(TableSpec table, TargetInspector.@Nullable Inspection inspection,
			@Nullable String note, List<Finding> blockers, List<Finding> warnings) {
		if (inspection == null) {
			return new TargetCheck(false, false, List.of(), 0, 0, note);
		}
		for (String difference : inspection.differences()) {
			boolean key = !difference.startsWith("index ") && !difference.startsWith("the index ");
			(key ? blockers : warnings).add(
					new Finding(key ? "BLOCKER" : "WARNING", "Existing table " + table.name() + ": " + difference + ".",
							key ? "Change the mapping's key schema to match the " + "table, or write to a new table."
									: "Create or fix the index, or remove it from the mapping."));
		}
		if (inspection.sampledPresent() > 0) {
			warnings.add(new Finding("WARNING",
					"Table " + table.name() + " already holds " + inspection.sampledPresent() + " of "
							+ inspection.sampledKeys() + " sampled keys; a run would overwrite those items.",
					"Check that this is the intended target (re-running a migration overwrites with the same items)."));
		}
		return new TargetCheck(true, inspection.exists(), inspection.differences(), inspection.sampledKeys(),
				inspection.sampledPresent(),
				inspection.exists() ? null : "The table does not exist yet; run creates it.");
	}

	private static String verdictText(Verdict verdict, List<Finding> findings) {
		return switch (verdict) {
			case READY -> "Ready: every record maps to a valid item, and nothing needs attention.";
			case READY_WITH_WARNINGS -> "Ready with warnings: the run can go ahead, but " + findings.size() + " finding"
					+ (findings.size() == 1 ? " needs" : "s need") + " a look first.";
			case NOT_READY -> "Not ready: " + findings.stream().filter((f) -> f.severity().equals("BLOCKER")).count()
					+ " blocking problem(s) must be fixed before running.";
		};
	}

	/**
	 * The exact cost of the write units at the price (not rounded: a small plan costs
	 * more than 0).
	 */
	private BigDecimal cost(long writeUnits) {
		return BigDecimal.valueOf(writeUnits)
			.multiply(BigDecimal.valueOf(pricing.pricePerMillionWriteUnits()))
			.movePointLeft(6);
	}

	/**
	 * The exact cost of adding this many write units per second of warm throughput
	 * (pre-warming).
	 */
	private BigDecimal prewarmCost(long writeUnitsPerSecond) {
		return BigDecimal.valueOf(writeUnitsPerSecond).multiply(BigDecimal.valueOf(pricing.pricePerPrewarmWriteUnit()));
	}

	/**
	 * An amount of money to show: to the cent from 1 up, else with three significant
	 * digits (0.000625, 0.0255), so that a small cost does not read 0.
	 */
	public static String usd(double amount) {
		BigDecimal value = new BigDecimal(Double.toString(amount));
		if (value.signum() == 0) {
			return "0";
		}
		BigDecimal shown = value.abs().compareTo(BigDecimal.ONE) >= 0 ? value.setScale(2, RoundingMode.HALF_UP)
				: value.round(new MathContext(3, RoundingMode.HALF_UP));
		return shown.toPlainString();
	}

	static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
