package io.dynamomigrate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import io.dynamomigrate.dryrun.DryRunOptions;
import io.dynamomigrate.dryrun.DryRunResult;
import io.dynamomigrate.fleet.FleetDryRunService;
import io.dynamomigrate.fleet.LoadedFleet;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.report.DryRunReportBuilder;
import io.dynamomigrate.report.RegionPrices;
import io.dynamomigrate.session.MigrationSession;
import io.dynamomigrate.session.SessionOptions;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fleet dry-run}: dry-runs every entry of a fleet into one report.
 */
@Command(name = "dry-run", mixinStandardHelpOptions = true,
		description = { "Read and map every entry of a fleet file as a run would, one entry after another, write "
				+ "nothing and create nothing, and write one report (JSON and a self-contained HTML page): per entry "
				+ "and step (entry/step) records read, items, rejects, size, write units and duration; totals, write "
				+ "units, duration and on-demand cost per table; and the key collisions across entries (two entries "
				+ "producing the same primary key of a shared table, both named).",
				"Unlike `dry-run`, the target tables are not looked at." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:ready", "5:ready with warnings (collisions, rejects; see the report)",
				"6:not ready (an entry's dry run failed, or the estimated cost is over --max-estimated-cost)",
				"2:the fleet file or an entry's mapping is invalid, or the command line is wrong" })
final class FleetDryRunCommand extends SessionCommand {

	@Mixin
	FleetOptions fleet;

	@Option(names = "--report", paramLabel = "DIR",
			description = "Where to write the report (default: <state-dir>/reports).")
	@Nullable Path reportDirectory;

	@Option(names = "--max-estimated-cost", paramLabel = "USD",
			description = "Make the verdict NOT_READY when the estimated on-demand cost is higher.")
	@Nullable Double maxEstimatedCost;

	@Option(names = "--price-per-million-writes", paramLabel = "USD",
			description = "On-demand price per million write request units (default: the region's in the price "
					+ "table, us-east-1: 0.625).")
	@Nullable Double pricePerMillion;

	@Option(names = "--max-write-capacity", paramLabel = "WCU",
			description = "Write units per second to estimate durations with (default: a provisioned table's write "
					+ "capacity, or 1000 for on-demand tables).")
	@Nullable Double writeUnitsPerSecond;

	private @Nullable LoadedFleet loaded;

	/**
	 * The prices of the region of the target (--region, else the first entry's mapping),
	 * with --price-per-million-writes where given.
	 */
	private RegionPrices prices(LoadedFleet entries) {
		MappingSpec first = entries.entries().get(0).mapping();
		String region = fleet.target.region != null ? fleet.target.region
				: first != null ? first.dynamodb().region() : null;
		RegionPrices prices = RegionPrices.of(region);
		return pricePerMillion == null ? prices : new RegionPrices(prices.region(), pricePerMillion,
				prices.importPerGb(), "--price-per-million-writes, else " + prices.basis());
	}

	@Override
	SessionOptions session() {
		this.loaded = fleet.load();
		return fleet.session();
	}

	@Override
	int call(MigrationSession session, PrintWriter out, PrintWriter err) throws Exception {
		LoadedFleet entries = java.util.Objects.requireNonNull(loaded, "the fleet, loaded with the session");
		out.printf("Dry run of fleet %s: %d entries, reading and mapping everything, writing nothing...%n",
				entries.spec().name(), entries.entries().size());
		out.flush();
		DryRunResult result = new FleetDryRunService(session, entries, fleet.dryRunSessions(session), err)
			.run(new DryRunOptions(prices(entries), maxEstimatedCost, writeUnitsPerSecond, 0, 0, false,
					fleet.state.reportDirectory(reportDirectory)));
		out.printf("%s%n", result.report().verdictText());
		result.report().findings().forEach((f) -> out.printf("  %s %s%n", f.severity(), f.message()));
		out.printf("Estimated on-demand cost %s USD.%n",
				DryRunReportBuilder.usd(result.report().pricing().totalCost()));
		out.printf("Report: %s (and .json)%n", result.html());
		out.flush();
		return result.exitCode();
	}

}
