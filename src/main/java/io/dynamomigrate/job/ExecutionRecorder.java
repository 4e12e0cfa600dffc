package io.dynamomigrate.job;

import io.dynamomigrate.report.RejectsFile;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Saves in the job execution context, before the first step runs, what a later command
 * needs to know about the execution: the mapping text with its secrets redacted
 * ({@link MappingDiff#redact}; to show what changed when a restart is refused). After the
 * job, saves the failure's sentence ({@link Failures}) for {@code status}. Names the
 * rejects file after the execution. (The process that runs it, {@link ExecutionOwner}, is
 * saved when the execution is created, by {@link NewExecutionContexts}.) Thread-safe.
 */
final class ExecutionRecorder implements JobExecutionListener {

	/** Job execution context key: the mapping file's text, secrets redacted. */
	static final String MAPPING_TEXT = "dynamo-migrate.mapping.text";

	/**
	 * Job execution context key: why the execution failed, as {@link Failures} says it.
	 */
	static final String FAILURE = "dynamo-migrate.failure";

	private final JobRepository jobRepository;

	private final String mappingText;

	private final RejectsFile rejects;

	private final String endpoint;

	ExecutionRecorder(JobRepository jobRepository, String mappingText, RejectsFile rejects, String endpoint) {
		this.jobRepository = jobRepository;
		this.endpoint = endpoint;
		this.mappingText = MappingDiff.redact(mappingText);
		this.rejects = rejects;
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		rejects.executionStarted(jobExecution.getId());
		jobExecution.getExecutionContext().putString(MAPPING_TEXT, mappingText);
		jobExecution.getExecutionContext().putString(RecordedMapping.SHA256, RecordedMapping.sha256(mappingText));
		jobRepository.updateExecutionContext(jobExecution);
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		String failure = Failures.of(jobExecution, endpoint);
		if (failure != null) {
			jobExecution.getExecutionContext()
				.putString(FAILURE, failure.length() > 1000 ? failure.substring(0, 1000) + "…" : failure);
			jobRepository.updateExecutionContext(jobExecution);
		}
	}

}
