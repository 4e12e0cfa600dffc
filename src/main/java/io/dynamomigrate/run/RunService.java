package io.dynamomigrate.run;

import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.job.PartitionHandlers;
import io.dynamomigrate.job.RestartCheck;
import io.dynamomigrate.job.RestartRefusedException;
import io.dynamomigrate.report.RunSummary;
import io.dynamomigrate.session.MigrationSession;
import io.dynamomigrate.session.SessionRefusedException;
import org.springframework.batch.core.job.JobExecution;

/**
 * {@code run} and {@code restart} on a session that holds the mapping, its source, the
 * target, the Spring Batch context, the mapping's run lease and shutdown handling: a new
 * execution of the mapping's job, or the continuation of its latest failed, stopped or
 * crashed one after the last chunk each step committed. Used by one thread.
 */
public final class RunService {

	private final MigrationSession session;

	private final PartitionHandlers partitions;

	/** Runs partitioned steps on threads of this process. */
	public RunService(MigrationSession session) {
		this(session, PartitionHandlers.LOCAL);
	}

	/**
	 * Runs partitioned steps with the given handlers (remote workers for a distributed
	 * run).
	 */
	public RunService(MigrationSession session, PartitionHandlers partitions) {
		this.session = session;
		this.partitions = partitions;
	}

	/**
	 * Runs the mapping to the end (or failure) and returns its summary.
	 * @param incremental whether item definitions with {@code incremental} read only the
	 * rows changed since the last completed run
	 */
	public RunSummary run(boolean incremental) {
		return session.runner()
			.partitions(partitions)
			.build()
			.run(session.mapping(), session.source(), session.target(), session.stateDirectory(), incremental);
	}

	/**
	 * The execution a restart continues.
	 * @param recover treat an execution still marked running as crashed even when it ran
	 * on another host
	 * @throws SessionRefusedException ({@link ExitCodes#INVALID}) when there is nothing
	 * to restart, the mapping changed since, or the execution still runs
	 */
	public Restart restartable(boolean recover) {
		try {
			JobExecution previous = new RestartCheck(session.jobRepository(), session.jobOperator())
				.executionToRestart(session.mapping(), session.mappingText(), recover);
			return new Restart(previous, previous.getId(), previous.getStatus().name());
		}
		catch (RestartRefusedException ex) {
			throw new SessionRefusedException(ExitCodes.INVALID, String.valueOf(ex.getMessage()));
		}
	}

	/**
	 * Continues the execution: every step after its last committed chunk; completed steps
	 * are not run again.
	 */
	public RunSummary restart(Restart restart) {
		return session.runner()
			.partitions(partitions)
			.build()
			.restart(restart.execution(), session.mapping(), session.source(), session.target(),
					session.stateDirectory());
	}

	/**
	 * An execution that a restart continues.
	 *
	 * @param execution the execution
	 * @param id its id
	 * @param status its status (FAILED, STOPPED, or STARTED when its process is gone)
	 */
	public record Restart(JobExecution execution, long id, String status) {
	}

}
