package io.dynamomigrate.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.progress.ProgressMode;
import io.dynamomigrate.report.RejectsFile;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

/**
 * The worker steps of one job execution's partitions, as a remote worker runs them
 * ({@link MigrationRunner#partitionSteps}): each built from the mapping the execution
 * runs, reading its partition's key range, writing through the write capacity this object
 * holds. Closing it stops the write capacity and closes the rejects file. Thread-safe.
 */
public final class PartitionSteps implements AutoCloseable {

	private final JobExecution execution;

	private final MappingSpec mapping;

	private final MigrationJobFactory factory;

	private final RejectsFile rejects;

	private final RunThroughput throughput;

	PartitionSteps(JobExecution execution, MappingSpec mapping, MigrationJobFactory factory, RejectsFile rejects,
			RunThroughput throughput) {
		this.execution = execution;
		this.mapping = mapping;
		this.factory = factory;
		this.rejects = rejects;
		this.throughput = throughput;
	}

	/**
	 * How the manager of an execution said to write (its budget and concurrency job
	 * parameters), without a progress display: a worker logs.
	 */
	public static WriteSettings writeSettings(JobParameters parameters) {
		String budget = parameters.getString(MigrationRunner.WRITE_BUDGET);
		Long concurrency = parameters.getLong(MigrationRunner.WRITE_CONCURRENCY);
		return WriteSettings.of(budget,
				concurrency != null ? concurrency.intValue() : WriteSettings.DEFAULT_CONCURRENCY, ProgressMode.OFF,
				Duration.ofSeconds(10), 0);
	}

	/** The execution whose partitions these are. */
	public JobExecution execution() {
		return execution;
	}

	/** The worker step of a partition of the execution. */
	public Step step(StepExecution partition) {
		return factory.partitionStep(execution.getJobInstance().getJobName(), mapping, partition, rejects,
				IncrementalWindows.of(execution.getJobParameters()));
	}

	/**
	 * Limits the writers of every table to a share of its budget from now on (this
	 * worker's part of a budget that several workers share).
	 */
	public void share(double fraction) {
		mapping.tables()
			.forEach((table) -> throughput.capacity().limiter(table.name()).ifPresent((l) -> l.share(fraction)));
	}

	@Override
	public void close() {
		throughput.close();
		try {
			rejects.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
