package io.dynamomigrate.job;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Says in one sentence why an execution failed: which step, what it was doing (calling
 * DynamoDB, at which endpoint), and the messages of the cause chain that add something —
 * the file and record a reader stopped at as well as the root cause ("Cannot read
 * plays.jsonl.gz after record 475: Unexpected end of ZLIB input stream"), not only the
 * root cause. Wrappers that add nothing (Spring Batch's "Unable to process chunk", retry
 * exhaustion, futures) are left out. Stack traces belong in the log file, not here.
 * Thread-safe.
 */
public final class Failures {

	private Failures() {
	}

	/**
	 * Why the execution failed, or null when it did not fail (a stopped execution is not
	 * a failure: its status says so).
	 * @param endpoint the DynamoDB endpoint the job wrote to, named when the cause is a
	 * DynamoDB call; or null
	 */
	public static @Nullable String of(JobExecution execution, @Nullable String endpoint) {
		if (execution.getStatus() == BatchStatus.STOPPED || execution.getStatus() == BatchStatus.STOPPING) {
			return null;
		}
		StepExecution failed = null;
		for (StepExecution step : execution.getStepExecutions()) {
			if (!step.getFailureExceptions().isEmpty() && (failed == null || !hasCause(failed))) {
				failed = step; // the first step that failed with a cause of its own (a
								// partition, not its manager)
			}
		}
		if (failed != null) {
			return sentence("Step " + stepName(failed.getStepName()), failed.getFailureExceptions().get(0), endpoint);
		}
		List<Throwable> failures = execution.getAllFailureExceptions();
		return failures.isEmpty() ? null : sentence("The job", failures.get(0), endpoint);
	}

	/** Whether the step's failure has a cause beyond Spring Batch's own wrappers. */
	private static boolean hasCause(StepExecution step) {
		return chain(step.getFailureExceptions().get(0)).stream().anyMatch((cause) -> !isWrapper(cause));
	}

	/**
	 * {@code step}, or {@code step (partition p)} for a partition {@code step:p} of a
	 * partitioned step.
	 */
	private static String stepName(String name) {
		int colon = name.indexOf(':');
		return colon < 0 ? name : name.substring(0, colon) + " (" + name.substring(colon + 1) + ")";
	}

	private static String sentence(String subject, Throwable failure, @Nullable String endpoint) {
		String what = endpoint != null && isDynamoDbCall(failure) ? " failed calling DynamoDB at " + endpoint + ": "
				: " failed: ";
		String message = message(failure);
		return subject + what + message + (message.endsWith(".") ? "" : ".");
	}

	private static boolean isDynamoDbCall(Throwable failure) {
		for (Throwable cause : chain(failure)) {
			if (cause instanceof SdkException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The messages of the cause chain, outermost first, joined by ": ", leaving out
	 * wrappers and every message that the one before it already contains, and ending at
	 * an exception of dynamo-migrate's own (its message says the cause); the first
	 * wrapper's message when only wrappers say anything, the exception's type when
	 * nothing does.
	 */
	public static String message(Throwable failure) {
		List<String> parts = new ArrayList<>();
		List<Throwable> chain = chain(failure);
		for (Throwable cause : chain) {
			String message = cause.getMessage() == null ? ""
					: cause.getMessage().lines().findFirst().orElse("").strip();
			if (isWrapper(cause) || message.isEmpty()
					|| (cause.getCause() != null && message.equals(cause.getCause().toString()))) {
				continue;
			}
			if (parts.isEmpty() || !parts.get(parts.size() - 1).contains(message)) {
				parts.add(message);
			}
			if (cause.getClass().getName().startsWith("io.dynamomigrate.")) {
				break; // dynamo-migrate's own exceptions say their cause in their own
						// words
			}
		}
		if (parts.isEmpty()) { // only wrappers: the first that says anything
			return chain.stream()
				.map(Throwable::getMessage)
				.filter((m) -> m != null && !m.isBlank())
				.findFirst()
				.orElse(chain.get(chain.size() - 1).getClass().getSimpleName());
		}
		return String.join(": ", parts);
	}

	/**
	 * Exceptions that only carry their cause: Spring Batch's and Spring's retry wrappers,
	 * futures.
	 */
	private static boolean isWrapper(Throwable ex) {
		String type = ex.getClass().getName();
		return type.startsWith("org.springframework.batch.") || type.startsWith("org.springframework.core.retry.")
				|| ex instanceof ExecutionException || ex instanceof CompletionException;
	}

	private static List<Throwable> chain(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		List<Throwable> chain = new ArrayList<>();
		for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
			chain.add(cause);
		}
		return chain;
	}

}
