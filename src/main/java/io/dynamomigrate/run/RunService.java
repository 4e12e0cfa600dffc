package io.dynamomigrate.run;

import io.dynamomigrate.dynamodb.capacity.Sleeper;
import io.dynamomigrate.dynamodb.client.S3Clients;
import io.dynamomigrate.dynamodb.imports.ImportChecks;
import io.dynamomigrate.dynamodb.imports.S3Prefix;
import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.job.ImportRun;
import io.dynamomigrate.job.PartitionHandlers;
import io.dynamomigrate.job.RestartCheck;
import io.dynamomigrate.job.RestartRefusedException;
import io.dynamomigrate.report.RunSummary;
import io.dynamomigrate.session.MigrationSession;
import io.dynamomigrate.session.SessionRefusedException;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.job.JobExecution;
import software.amazon.awssdk.services.s3.S3Client;

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
	 * Runs the mapping through Import from S3 into new tables: checks first that the
	 * mapping has no deletes, that no target table exists and that the prefix can be
	 * written (each refusal one sentence, nothing started), then runs the steps, uploads
	 * and imports.
	 * @param prefixUrl {@code s3://bucket/prefix/}
	 * @param s3Endpoint an S3-compatible store's endpoint, or null for AWS S3
	 * @throws SessionRefusedException ({@link ExitCodes#INVALID}) when a check fails
	 */
	public RunSummary runViaImport(String prefixUrl, @Nullable String s3Endpoint) {
		S3Prefix prefix;
		try {
			prefix = S3Prefix.parse(prefixUrl);
		}
		catch (IllegalArgumentException ex) {
			throw new SessionRefusedException(ExitCodes.INVALID, String.valueOf(ex.getMessage()));
		}
		String where = s3Endpoint == null ? "AWS S3" : String.valueOf(S3Clients.withoutUserInfo(s3Endpoint));
		try (S3Client s3 = S3Clients.create(S3Clients.withoutUserInfo(s3Endpoint), 8)) {
			String problem = ImportChecks.mappingProblem(session.mapping());
			if (problem == null) {
				problem = ImportChecks.tableProblem(session.mapping(), session.target().client(),
						session.targetDescription());
			}
			if (problem == null) {
				problem = ImportChecks.prefixProblem(session.mapping(), s3, prefix, where);
			}
			if (problem != null) {
				throw new SessionRefusedException(ExitCodes.INVALID, problem);
			}
			try (ImportRun run = ImportRun.start(session.mapping(), destination(prefix, s3),
					session.stateDirectory())) {
				return session.runner()
					.build()
					.runViaImport(session.mapping(), session.source(), session.target(), session.stateDirectory(), run);
			}
		}
	}

	private ImportRun.Destination destination(S3Prefix prefix, S3Client s3) {
		return new ImportRun.Destination(prefix, s3, session.target().client(), Sleeper.SYSTEM);
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
	 * are not run again. An import run's execution continues as an import run (its prefix
	 * is a job parameter), with the S3 endpoint given.
	 * @param s3Endpoint an S3-compatible store's endpoint, or null for AWS S3
	 */
	public RunSummary restart(Restart restart, @Nullable String s3Endpoint) {
		String prefix = ImportRun.prefixOf(restart.execution().getJobParameters());
		if (prefix != null) {
			try (S3Client s3 = S3Clients.create(S3Clients.withoutUserInfo(s3Endpoint), 8);
					ImportRun run = ImportRun.resume(session.mapping(), destination(S3Prefix.parse(prefix), s3),
							restart.execution().getJobParameters())) {
				return session.runner()
					.build()
					.restartViaImport(restart.execution(), session.mapping(), session.source(), session.target(),
							session.stateDirectory(), run);
			}
		}
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
