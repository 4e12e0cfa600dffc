package io.dynamomigrate.job;

import io.dynamomigrate.mapping.model.RejectLimit;
import io.dynamomigrate.records.RecordRejectedException;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.skip.SkipLimitExceededException;
import org.springframework.batch.core.step.skip.SkipPolicy;

/**
 * The skip policy of a migration step: a {@link RecordRejectedException} is skipped (it
 * becomes a reject), any other exception fails the step, and so does the reject that goes
 * over the item definition's {@code maxRejects}. A count is compared with the rejects of
 * this step execution; a percentage with the records read so far, counted as the records
 * committed plus one chunk (so that one bad record in the first chunk does not trip a
 * percentage). The failed step is restartable: a restart continues after the last
 * committed chunk, with its own count. Transient DynamoDB errors are never skipped, so
 * they can never become rejects. One instance per step; the step calls it from one thread
 * at a time.
 */
final class RejectLimitPolicy implements SkipPolicy, StepExecutionListener {

	private final String step;

	private final RejectLimit limit;

	private final int chunkSize;

	private @Nullable StepExecution stepExecution;

	RejectLimitPolicy(String step, RejectLimit limit, int chunkSize) {
		this.step = step;
		this.limit = limit;
		this.chunkSize = chunkSize;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
	}

	@Override
	public boolean shouldSkip(Throwable t, long skipCount) throws SkipLimitExceededException {
		if (!(t instanceof RecordRejectedException)) {
			return false;
		}
		if (skipCount < 0 || !limit.isLimited()) {
			return true;
		}
		long rejected = skipCount + 1;
		long read = (stepExecution != null ? stepExecution.getReadCount() : 0) + chunkSize;
		if (limit.exceeded(rejected, read)) {
			throw new RejectLimitExceededException(step, limit, rejected);
		}
		return true;
	}

	/** A step had more rejects than its {@code maxRejects} allows. */
	static final class RejectLimitExceededException extends SkipLimitExceededException {

		private static final long serialVersionUID = 1L;

		private final String message;

		@SuppressWarnings("NullAway") // Spring Batch declares the cause non-null; a
										// reject limit has none
		RejectLimitExceededException(String step, RejectLimit limit, long rejected) {
			super(limit.count() != null ? limit.count() : -1, null);
			this.message = "Step " + step + " rejected " + rejected + " records, more than its maxRejects (" + limit
					+ ") allows. Fix the source data or the mapping (see the rejects file), or raise "
					+ "maxRejects, then `restart`: the step continues after its last committed chunk.";
		}

		@Override
		public String getMessage() {
			return message;
		}

	}

}
