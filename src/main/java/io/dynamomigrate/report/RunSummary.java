package io.dynamomigrate.report;

import java.time.Duration;
import java.util.List;

import io.dynamomigrate.dynamodb.imports.ImportResult;
import org.jspecify.annotations.Nullable;

/**
 * What a run did, printed at its end.
 *
 * @param mapping the mapping name
 * @param executionId the job execution id
 * @param status the job's batch status
 * @param exitCode the process exit code
 * @param endpoint the DynamoDB endpoint written to (a URL, or "AWS default endpoint")
 * @param region the region written to
 * @param steps per-step counts
 * @param elapsed the whole run's duration
 * @param rejectsFile the rejects file, or null when nothing was rejected
 * @param failure the failure's message, or null
 * @param capacity per target table: write budget, effective rate at the end, throttles
 * (empty for dry runs)
 * @param imports per table loaded through Import from S3: how its import ended (empty for
 * runs that write)
 */
public record RunSummary(String mapping, long executionId, String status, int exitCode, String endpoint, String region,
		List<StepSummary> steps, Duration elapsed, @Nullable String rejectsFile, @Nullable String failure,
		List<TableCapacity> capacity, List<ImportResult> imports) {

	public RunSummary {
		steps = List.copyOf(steps);
		capacity = List.copyOf(capacity);
		imports = List.copyOf(imports);
	}

	/** A summary without write-capacity figures. */
	public RunSummary(String mapping, long executionId, String status, int exitCode, String endpoint, String region,
			List<StepSummary> steps, Duration elapsed, @Nullable String rejectsFile, @Nullable String failure) {
		this(mapping, executionId, status, exitCode, endpoint, region, steps, elapsed, rejectsFile, failure, List.of(),
				List.of());
	}

	/** This summary with the tables' write-capacity figures. */
	public RunSummary withCapacity(List<TableCapacity> tables) {
		return new RunSummary(mapping, executionId, status, exitCode, endpoint, region, steps, elapsed, rejectsFile,
				failure, tables, imports);
	}

	/** This summary with the outcomes of the tables' imports. */
	public RunSummary withImports(List<ImportResult> results) {
		return new RunSummary(mapping, executionId, status, exitCode, endpoint, region, steps, elapsed, rejectsFile,
				failure, capacity, results);
	}

	public long read() {
		return steps.stream().mapToLong(StepSummary::read).sum();
	}

	public long written() {
		return steps.stream().mapToLong(StepSummary::written).sum();
	}

	public long rejected() {
		return steps.stream().mapToLong(StepSummary::rejected).sum();
	}

	public long filtered() {
		return steps.stream().mapToLong(StepSummary::filtered).sum();
	}

}
