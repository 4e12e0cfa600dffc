package io.dynamomigrate.job;

import io.dynamomigrate.report.RejectsFile;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Saves in the job execution context, before the first step runs, what a later command needs to know about the
 * execution: the process that runs it ({@link ExecutionOwner}, to tell a crash from a running process) and the
 * mapping text with its secrets redacted ({@link MappingDiff#redact}; to show what changed when a restart is
 * refused). After the job, saves the root cause of a failure for {@code status}. Names the rejects file after the
 * execution. Thread-safe.
 */
final class ExecutionRecorder implements JobExecutionListener {

	/** Job execution context key: the mapping file's text, secrets redacted. */
	static final String MAPPING_TEXT = "dynamo-migrate.mapping.text";

	/** Job execution context key: the root cause of a failure, {@code Type: message}. */
	static final String FAILURE = "dynamo-migrate.failure";

	private final JobRepository jobRepository;

	private final String mappingText;

	private final RejectsFile rejects;

	ExecutionRecorder(JobRepository jobRepository, String mappingText, RejectsFile rejects) {
		this.jobRepository = jobRepository;
		this.mappingText = MappingDiff.redact(mappingText);
		this.rejects = rejects;
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		rejects.executionStarted(jobExecution.getId());
		ExecutionOwner.current().saveTo(jobExecution.getExecutionContext());
		jobExecution.getExecutionContext().putString(MAPPING_TEXT, mappingText);
		jobRepository.updateExecutionContext(jobExecution);
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		String failure = MigrationRunner.failure(jobExecution);
		if (failure != null) {
			jobExecution.getExecutionContext()
				.putString(FAILURE, failure.length() > 1000 ? failure.substring(0, 1000) + "…" : failure);
			jobRepository.updateExecutionContext(jobExecution);
		}
	}

}
