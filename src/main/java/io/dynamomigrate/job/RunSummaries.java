package io.dynamomigrate.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.dynamodb.write.WriteCounters;
import io.dynamomigrate.mapping.model.ItemSpec;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.report.RejectsFile;
import io.dynamomigrate.report.RunSummary;
import io.dynamomigrate.report.StepSummary;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * The {@link RunSummary} of a finished execution: what every step read, wrote, rejected
 * and filtered (a partitioned step summed over its partitions), the exit code and the
 * failure.
 */
final class RunSummaries {

	private RunSummaries() {
	}

	/** The summary of an execution of the mapping's job. */
	static RunSummary of(MappingSpec mapping, JobExecution execution, String endpoint, String region,
			RejectsFile rejects) {
		Map<String, Map<String, Long>> reasons = rejects.counts();
		List<StepSummary> steps = new ArrayList<>();
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStepName().contains(":") || step.getStepName().equals(ImportRun.STEP)) {
				continue; // a partition of a partitioned step: counted in its manager
							// step
			}
			String table = mapping.items()
				.stream()
				.filter((i) -> i.name().equals(step.getStepName()) || i.deletesStepName().equals(step.getStepName()))
				.map(ItemSpec::table)
				.findFirst()
				.orElse("");
			steps.add(ExecutionHistory.counts(step, partitionTotals(execution, step.getStepName()), table,
					reasons.getOrDefault(step.getStepName(), Map.of())));
		}
		long rejected = steps.stream().mapToLong(StepSummary::rejected).sum();
		int exitCode = execution.getStatus() == BatchStatus.COMPLETED
				? (rejected > 0 ? ExitCodes.COMPLETED_WITH_REJECTS : ExitCodes.SUCCESS)
				: execution.getStatus() == BatchStatus.STOPPED ? ExitCodes.STOPPED : ExitCodes.FAILED;
		return new RunSummary(mapping.name(), execution.getId(), execution.getStatus().name(), exitCode, endpoint,
				region, steps, ExecutionHistory.elapsed(execution.getStartTime(), execution.getEndTime()),
				rejects.isEmpty() ? null : rejects.path().toString(), Failures.of(execution, endpoint));
	}

	/**
	 * The writer's counters of a step: its own, or for a partitioned step the sums over
	 * its partitions ({@code step:partition<i>}), whose counters Spring Batch does not
	 * aggregate.
	 */
	static WriteCounters partitionTotals(JobExecution execution, String step) {
		WriteCounters totals = WriteCounters.NONE;
		for (StepExecution candidate : execution.getStepExecutions()) {
			String name = candidate.getStepName();
			if (name.equals(step) || name.startsWith(step + ":")) {
				totals = totals.plus(WriteCounters.from(candidate.getExecutionContext()));
			}
		}
		return totals;
	}

}
