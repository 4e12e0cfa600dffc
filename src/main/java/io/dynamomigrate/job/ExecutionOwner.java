package io.dynamomigrate.job;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The process that runs a job execution: its host name and process id, saved in the job
 * execution context when the execution is created ({@link NewExecutionContexts}). An
 * execution left {@code STARTING} or {@code STARTED} whose owner is on this host and no
 * longer alive was ended by a crash (or {@code kill -9}) and can be recovered. Immutable.
 *
 * @param host the host name
 * @param pid the process id
 */
public record ExecutionOwner(String host, long pid) {

	static final String HOST = "dynamo-migrate.owner.host";

	static final String PID = "dynamo-migrate.owner.pid";

	/** This process. */
	public static ExecutionOwner current() {
		return new ExecutionOwner(hostName(), ProcessHandle.current().pid());
	}

	/** The owner saved in an execution's context, if any. */
	public static Optional<ExecutionOwner> of(JobExecution execution) {
		ExecutionContext context = execution.getExecutionContext();
		if (!context.containsKey(HOST) || !context.containsKey(PID)) {
			return Optional.empty();
		}
		return Optional.of(new ExecutionOwner(context.getString(HOST), context.getLong(PID)));
	}

	/**
	 * The process that ran a partition on a remote worker, saved in the partition's step
	 * execution context, if any.
	 */
	public static Optional<ExecutionOwner> of(StepExecution partition) {
		ExecutionContext context = partition.getExecutionContext();
		if (!context.containsKey(HOST) || !context.containsKey(PID)) {
			return Optional.empty();
		}
		return Optional.of(new ExecutionOwner(context.getString(HOST), context.getLong(PID)));
	}

	/** Saves this owner in an execution context. */
	public void saveTo(ExecutionContext context) {
		context.putString(HOST, host);
		context.putLong(PID, pid);
	}

	/** Whether the owner runs on this host. */
	public boolean isThisHost() {
		return host.equals(hostName());
	}

	/** Whether the owner is on this host and its process is gone. */
	public boolean isDeadOnThisHost() {
		return isThisHost() && ProcessHandle.of(pid).map((p) -> !p.isAlive()).orElse(true);
	}

	@Override
	public String toString() {
		return "process " + pid + " on " + host;
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown-host";
		}
	}

}
