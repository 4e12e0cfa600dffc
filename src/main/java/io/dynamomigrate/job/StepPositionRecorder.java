package io.dynamomigrate.job;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Saves a step execution's context in the job repository as the step starts, before its
 * first chunk. On restart, Spring Batch saves the new step execution with an empty
 * context and only then hands it the previous execution's context (the reader's last
 * committed position) in memory; a chunk-oriented step saves it at its first commit.
 * Without this listener, a restart killed before its first commit left a step execution
 * without a position, and the next restart read the source from the beginning. (Partition
 * step executions are saved with their context by Spring Batch's splitter; saving them
 * again is harmless.) Thread-safe.
 */
final class StepPositionRecorder implements StepExecutionListener {

	private final JobRepository jobRepository;

	StepPositionRecorder(JobRepository jobRepository) {
		this.jobRepository = jobRepository;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		jobRepository.updateExecutionContext(stepExecution);
	}

}
