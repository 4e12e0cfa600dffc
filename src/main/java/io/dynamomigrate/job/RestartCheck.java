package io.dynamomigrate.job;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.dynamomigrate.mapping.model.MappingSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Finds the execution {@code restart} continues: the latest execution of the mapping's
 * job when it is {@code FAILED} or {@code STOPPED}, or {@code STARTED}/{@code STOPPING}
 * but left so by a process that is gone (a crash or {@code kill -9}), which is then
 * recovered with {@link JobOperator#recover} (marked {@code FAILED}). Refuses, with a
 * message that says what to do, when there is nothing to restart, when the execution
 * still runs, and when the mapping file changed since the execution started (showing the
 * changed lines). Thread-safe.
 */
public final class RestartCheck {

	private static final Logger logger = LoggerFactory.getLogger(RestartCheck.class);

	private final JobRepository jobRepository;

	private final JobOperator jobOperator;

	public RestartCheck(JobRepository jobRepository, JobOperator jobOperator) {
		this.jobRepository = jobRepository;
		this.jobOperator = jobOperator;
	}

	/**
	 * The execution to restart.
	 * @param mapping the mapping as it is now
	 * @param mappingText the mapping file's current text
	 * @param recoverAnyOwner whether a {@code STARTED} execution of another host counts
	 * as crashed
	 * @throws RestartRefusedException when it cannot be restarted
	 */
	public JobExecution executionToRestart(MappingSpec mapping, String mappingText, boolean recoverAnyOwner) {
		String job = mapping.name();
		JobExecution execution = latest(job).orElseThrow(() -> new RestartRefusedException(
				"The job repository " + "has no execution of mapping " + job + ". Start one with `run`."));
		BatchStatus status = execution.getStatus();
		if (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED) {
			throw new RestartRefusedException(
					"The latest execution of mapping " + job + " (execution " + execution.getId() + ") is " + status
							+ "; there is nothing to restart. Start a new run with " + "`run`.");
		}
		checkUnchanged(mapping, mappingText, execution);
		if (status.isRunning()) {
			Optional<ExecutionOwner> owner = ExecutionOwner.of(execution);
			boolean crashed = owner.map(ExecutionOwner::isDeadOnThisHost).orElse(false);
			if (!crashed && !recoverAnyOwner) {
				throw new RestartRefusedException("Execution " + execution.getId() + " of mapping " + job + " is "
						+ status + owner.map((o) -> " in " + o).orElse("") + ". Stop it with `stop` and restart it "
						+ "once it has stopped; if that process is gone (it ran on another host), restart with "
						+ "--recover.");
			}
			logger.info("Recovering execution {} of mapping {}, left {} by {} that is gone", execution.getId(), job,
					status, owner.map(Object::toString).orElse("an unknown process"));
			jobOperator.recover(execution);
			execution = Objects.requireNonNull(jobRepository.getJobExecution(execution.getId()),
					"a recovered execution is in the job repository");
		}
		return execution;
	}

	private static void checkUnchanged(MappingSpec mapping, String mappingText, JobExecution execution) {
		String started = execution.getJobParameters().getString(MigrationRunner.CHECKSUM);
		if (mapping.checksum().equals(started)) {
			return;
		}
		String stored = execution.getExecutionContext().containsKey(ExecutionRecorder.MAPPING_TEXT)
				? execution.getExecutionContext().getString(ExecutionRecorder.MAPPING_TEXT) : null;
		StringBuilder message = new StringBuilder("The mapping file ").append(mapping.file())
			.append(" changed since execution ")
			.append(execution.getId())
			.append(" started, so that execution cannot be continued with it.");
		if (stored != null) {
			List<String> changes = MappingDiff.changes(stored, mappingText, 20);
			message.append(" Changed lines (- then, + now):");
			changes.forEach((line) -> message.append(System.lineSeparator()).append("  ").append(line));
			message.append(System.lineSeparator());
		}
		else {
			message.append(' ');
		}
		message.append("Undo the change to restart, or start fresh with `run` (a new execution that reads "
				+ "everything again; items already written are simply put again).");
		throw new RestartRefusedException(message.toString());
	}

	private Optional<JobExecution> latest(String job) {
		JobInstance instance = jobRepository.getLastJobInstance(job);
		if (instance == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(jobRepository.getLastJobExecution(instance));
	}

}
