package io.dynamomigrate.job;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dynamomigrate.dynamodb.write.WriteCounters;
import io.dynamomigrate.report.StepSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * The executions of mappings as the job repository remembers them, newest first, with
 * per-step counts computed as in the run summary
 * ({@code read = written + rejected + filtered}). Read-only. Thread-safe.
 */
public final class ExecutionHistory {

	private final JobRepository jobRepository;

	public ExecutionHistory(JobRepository jobRepository) {
		this.jobRepository = jobRepository;
	}

	/** The names of all mappings that have executions. */
	public List<String> mappings() {
		return jobRepository.getJobNames().stream().sorted().toList();
	}

	/** The latest {@code limit} executions of a mapping, newest first. */
	public List<Execution> executions(String mapping, int limit) {
		List<Execution> executions = new ArrayList<>();
		for (JobInstance instance : jobRepository.getJobInstances(mapping, 0, limit)) {
			for (JobExecution execution : jobRepository.getJobExecutions(instance)) {
				executions.add(describe(execution));
			}
		}
		executions.sort(Comparator.comparingLong(Execution::id).reversed());
		return executions.size() > limit ? executions.subList(0, limit) : executions;
	}

	private static Execution describe(JobExecution execution) {
		List<StepSummary> steps = execution.getStepExecutions()
			.stream()
			.sorted(Comparator.comparingLong(StepExecution::getId))
			.map((step) -> counts(step, ""))
			.toList();
		Optional<ExecutionOwner> owner = ExecutionOwner.of(execution);
		boolean crashed = execution.getStatus().isRunning()
				&& owner.map(ExecutionOwner::isDeadOnThisHost).orElse(false);
		String checksum = execution.getJobParameters().getString(MigrationRunner.CHECKSUM);
		String failure = failure(execution);
		return new Execution(execution.getId(), execution.getStatus().name(), execution.getStartTime(),
				execution.getEndTime(), checksum == null ? "" : checksum, owner.orElse(null), crashed, steps, failure);
	}

	/**
	 * The saved root cause; else the last "Caused by" of the exit description, or its
	 * first line.
	 */
	private static @Nullable String failure(JobExecution execution) {
		if (execution.getExecutionContext().containsKey(ExecutionRecorder.FAILURE)) {
			return execution.getExecutionContext().getString(ExecutionRecorder.FAILURE);
		}
		String description = execution.getExitStatus().getExitDescription();
		if (description.isBlank()) {
			return null;
		}
		List<String> causes = description.lines().filter((l) -> l.startsWith("Caused by: ")).toList();
		return causes.isEmpty() ? description.lines().findFirst().orElse("")
				: causes.get(causes.size() - 1).substring("Caused by: ".length());
	}

	/** The counts of one step execution, as the run summary shows them. */
	static StepSummary counts(StepExecution step, String table) {
		return counts(step, WriteCounters.from(step.getExecutionContext()), table, Map.of());
	}

	/**
	 * The counts of a step as the summary shows them, so that
	 * {@code read = written + rejected + filtered}: records the writer dropped for a
	 * duplicate key are filtered, those it rejected for one are rejected, and unreadable
	 * records (read skips) are read.
	 * @param counters the writer's counters (for a partitioned step, summed over its
	 * partitions)
	 * @param rejectReasons rejects by reason, when known
	 */
	static StepSummary counts(StepExecution step, WriteCounters counters, String table,
			Map<String, Long> rejectReasons) {
		long dropped = counters.duplicatesDropped();
		long duplicateRejects = counters.duplicatesRejected();
		return new StepSummary(step.getStepName(), table, step.getStatus().name(),
				step.getReadCount() + step.getReadSkipCount(), step.getWriteCount() - counters.duplicates(),
				step.getSkipCount() + duplicateRejects, step.getFilterCount() + dropped, counters.duplicates(),
				counters.unprocessedRetries(), elapsed(step.getStartTime(), step.getEndTime()), rejectReasons,
				counters.throttles(), counters.executionWriteUnits(), counters.deletes());
	}

	static Duration elapsed(@Nullable LocalDateTime start, @Nullable LocalDateTime end) {
		if (start == null) {
			return Duration.ZERO;
		}
		return Duration.between(start, end != null ? end : LocalDateTime.now());
	}

	/**
	 * One execution.
	 *
	 * @param id the job execution id
	 * @param status its batch status
	 * @param start when it started, or null
	 * @param end when it ended, or null while running (or after a crash)
	 * @param checksum the mapping file's SHA-256 it ran with
	 * @param owner the process that ran it, or null when unknown
	 * @param crashed whether it is marked running but its process on this host is gone
	 * @param steps per-step counts
	 * @param failure the first line of the failure, or null
	 */
	public record Execution(long id, String status, @Nullable LocalDateTime start, @Nullable LocalDateTime end,
			String checksum, @Nullable ExecutionOwner owner, boolean crashed, List<StepSummary> steps,
			@Nullable String failure) {

		public Execution {
			steps = List.copyOf(steps);
		}

	}

}
