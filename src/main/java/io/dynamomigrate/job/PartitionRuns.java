package io.dynamomigrate.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * The partitions of an execution's partitioned steps, one line each, with the process
 * that ran it ({@link ExecutionOwner}: a remote worker, or this process for partitions on
 * local threads), for the run summary and {@code status}.
 */
public final class PartitionRuns {

	private PartitionRuns() {
	}

	/**
	 * The lines (a heading, then one a partition), or none when the execution has no
	 * partitions.
	 */
	public static List<String> lines(JobRepository jobRepository, long executionId) {
		JobExecution execution = jobRepository.getJobExecution(executionId);
		List<String> lines = new ArrayList<>();
		if (execution == null) {
			return lines;
		}
		List<StepExecution> partitions = execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().contains(":partition"))
			.sorted(Comparator.comparing(StepExecution::getStepName))
			.toList();
		if (partitions.isEmpty()) {
			return lines;
		}
		lines.add(String.format(Locale.ROOT, "  %-24s %-10s %10s %10s  %s", "partition", "status", "read", "written",
				"worker"));
		for (StepExecution partition : partitions) {
			String worker = ExecutionOwner.of(partition)
				.map(ExecutionOwner::toString)
				.orElse(partition.getStatus().isRunning() ? "(waiting for a worker)" : "this process");
			lines.add(String.format(Locale.ROOT, "  %-24s %-10s %10d %10d  %s", partition.getStepName(),
					partition.getStatus(), partition.getReadCount(), partition.getWriteCount(), worker));
		}
		return lines;
	}

}
