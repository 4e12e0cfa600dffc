package io.dynamomigrate.report;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

import io.dynamomigrate.dynamodb.imports.ImportResult;
import org.jspecify.annotations.Nullable;

/**
 * Prints a {@link RunSummary} as a plain-text table. Thread-safe.
 */
public final class SummaryPrinter {

	private SummaryPrinter() {
	}

	public static void print(RunSummary summary, PrintWriter out) {
		print(summary, out, null);
	}

	/**
	 * Prints the summary; for a failed or stopped run, {@code next} (what continues it)
	 * follows the sentence that says why it ended.
	 */
	public static void print(RunSummary summary, PrintWriter out, @Nullable String next) {
		out.printf(Locale.ROOT, "%nRun of mapping %s (execution %d): %s%n", summary.mapping(), summary.executionId(),
				summary.status());
		out.printf(Locale.ROOT, "Target: %s, region %s%n", summary.endpoint(), summary.region());
		String header = "%-20s %-16s %-10s %10s %10s %10s %10s %10s %10s %10s %10s%n";
		out.printf(Locale.ROOT, header, "step", "table", "status", "read", "written", "rejected", "filtered", "seconds",
				"items/s", "WCU/s", "throttles");
		for (StepSummary step : summary.steps()) {
			out.printf(Locale.ROOT, "%-20s %-16s %-10s %10d %10d %10d %10d %10.1f %10.0f %10.0f %10d%n", step.step(),
					step.table(), step.status(), step.read(), step.written(), step.rejected(), step.filtered(),
					step.elapsed().toMillis() / 1000.0, step.itemsPerSecond(), step.writeUnitsPerSecond(),
					step.throttles());
		}
		out.printf(Locale.ROOT, "%-20s %-16s %-10s %10d %10d %10d %10d %10.1f%n", "total", "", "", summary.read(),
				summary.written(), summary.rejected(), summary.filtered(), summary.elapsed().toMillis() / 1000.0);
		for (StepSummary step : summary.steps()) {
			if (step.deletes() > 0) {
				out.printf(Locale.ROOT, "Step %s: %d of the written items were deletions.%n", step.step(),
						step.deletes());
			}
			if (step.duplicateKeys() > 0) {
				out.printf(Locale.ROOT, "Step %s: %d records shared a key with another record of their chunk "
						+ "(resolved by onDuplicateKey).%n", step.step(), step.duplicateKeys());
			}
			if (step.unprocessedRetries() > 0) {
				out.printf(Locale.ROOT, "Step %s: %d unprocessed items were retried.%n", step.step(),
						step.unprocessedRetries());
			}
			for (Map.Entry<String, Long> reason : step.rejectReasons().entrySet()) {
				out.printf(Locale.ROOT, "Step %s: %d rejected for %s.%n", step.step(), reason.getValue(),
						reason.getKey());
			}
		}
		for (TableCapacity table : summary.capacity()) {
			if (table.budget() > 0) {
				out.printf(Locale.ROOT,
						"Table %s: write budget %d WCU/s (%s), effective rate at the end %.0f WCU/s, "
								+ "%d throttles.%n",
						table.table(), table.budget(), table.budgetSource(), table.effectiveRate(), table.throttles());
			}
			else {
				out.printf(Locale.ROOT, "Table %s: write budget unlimited (%s), %d throttles.%n", table.table(),
						table.budgetSource(), table.throttles());
			}
		}
		for (ImportResult result : summary.imports()) {
			out.printf(Locale.ROOT,
					"Import of table %s: %s, %d items processed, %d imported, %d errors, %d bytes processed (%s)%s.%n",
					result.table(), result.status(), result.processedItems(), result.importedItems(), result.errors(),
					result.processedBytes(), result.importArn(), result.logGroup() == null ? ""
							: "; errors are logged in CloudWatch log group " + result.logGroup());
		}
		if (summary.rejectsFile() != null) {
			out.printf(Locale.ROOT, "Rejects: %s%n", summary.rejectsFile());
		}
		if (summary.failure() != null) {
			out.printf(Locale.ROOT, "Failure: %s%n", summary.failure());
		}
		if ("STOPPED".equals(summary.status())) {
			out.printf(Locale.ROOT, "Stopped: the run was stopped (stop command or signal) after its chunks in flight "
					+ "were committed.%n");
		}
		if (next != null && (summary.failure() != null || "STOPPED".equals(summary.status()))) {
			out.printf(Locale.ROOT, "%s%n", next);
		}
		out.printf(Locale.ROOT, "Exit code %d%n", summary.exitCode());
		out.flush();
	}

}
