package io.dynamomigrate.dynamodb.write;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

import io.dynamomigrate.dynamodb.capacity.Sleeper;
import io.dynamomigrate.dynamodb.capacity.WriteCapacityLimiter;
import io.dynamomigrate.dynamodb.capacity.WriteLane;
import io.dynamomigrate.dynamodb.capacity.WriteThroughput;
import io.dynamomigrate.transform.MappedItem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * Sends one {@code BatchWriteItem} request until every item of it is written: it takes
 * the request's WCU from the table's {@link WriteCapacityLimiter} before each call, and
 * sends the items DynamoDB returns as unprocessed again with full-jitter exponential
 * backoff (DESIGN.md invariant 2). A throttling error
 * ({@code ProvisionedThroughputExceededException}, {@code ThrottlingException}, any error
 * the SDK classes as throttling) tells the limiter to lower the table's rate, and counts
 * as a throttle; so does every throttled attempt that the SDK retries by itself
 * ({@link ThrottleObserver}). A partially unprocessed batch counts as a throttle and
 * lowers only this writer's {@linkplain WriteCapacityLimiter#lane() lane}, in proportion
 * to the WCU refused: the partitions of its keys refused them, not the table. Every
 * attempt the SDK retries by itself (after a throttle, a 5xx, a reset) takes its WCU from
 * the limiter again and counts in the WCU sent: a failed attempt may have consumed
 * capacity. When the retry bound is reached it throws {@link UnprocessedItemsException}.
 * Thread-safe: its counters are atomic, so several batches of one chunk may be sent at
 * once.
 */
final class BatchSender {

	private static final Logger logger = LoggerFactory.getLogger(BatchSender.class);

	private final BatchCall batchCall;

	private final String table;

	private final UnprocessedItemsBackoff retryPolicy;

	private final BackoffStrategy backoff;

	private final Sleeper sleeper;

	private final @Nullable WriteCapacityLimiter limiter;

	private final ToLongFunction<MappedItem> cost;

	private final @Nullable WriteLane lane;

	final AtomicLong calls = new AtomicLong();

	final AtomicLong unprocessedRetries = new AtomicLong();

	final AtomicLong throttles = new AtomicLong();

	final AtomicLong writeUnits = new AtomicLong();

	/** Deletions DynamoDB accepted. */
	final AtomicLong itemsDeleted = new AtomicLong();

	/** Items DynamoDB accepted (not returned unprocessed), live: for progress. */
	final AtomicLong itemsWritten = new AtomicLong();

	/**
	 * The counters of the calls made so far (no duplicates: the sender sees none),
	 * including those in flight.
	 */
	WriteCounters sent() {
		long units = writeUnits.get();
		return new WriteCounters(0, 0, unprocessedRetries.get(), calls.get(), throttles.get(), itemsDeleted.get(),
				units, units);
	}

	/**
	 * @param throughput the table's limiter (none = unlimited) and the WCU of an item
	 */
	BatchSender(BatchCall batchCall, String table, UnprocessedItemsBackoff retryPolicy, Sleeper sleeper,
			WriteThroughput throughput) {
		this.batchCall = batchCall;
		this.table = table;
		this.retryPolicy = retryPolicy;
		this.backoff = retryPolicy.backoff();
		this.sleeper = sleeper;
		this.limiter = throughput.limiter();
		this.cost = throughput.cost();
		this.lane = this.limiter != null ? this.limiter.lane() : null;
	}

	void send(List<MappedItem> batch) throws InterruptedException {
		List<MappedItem> pending = new ArrayList<>(batch);
		for (int attempt = 0;; attempt++) {
			long units = 0;
			long deletes = 0;
			for (MappedItem item : pending) {
				units += cost.applyAsLong(item);
				if (item.delete()) {
					deletes++;
				}
			}
			Attempts attempts = (limiter != null && lane != null) ? new Attempts(limiter, lane, units) : null;
			writeUnits.addAndGet(units);
			Outcome outcome;
			try {
				outcome = call(pending, attempts);
			}
			finally {
				if (attempts != null) {
					attempts.completed();
				}
			}
			List<MappedItem> unprocessed = outcome.unprocessed();
			if (lane != null && !outcome.throttled()) {
				long refusedUnits = 0;
				for (MappedItem item : unprocessed) {
					refusedUnits += cost.applyAsLong(item);
				}
				lane.answered(units, refusedUnits);
			}
			itemsWritten.addAndGet(pending.size() - unprocessed.size());
			itemsDeleted.addAndGet(deletes - deletions(unprocessed));
			if (unprocessed.isEmpty()) {
				return;
			}
			throttles.incrementAndGet();
			if (limiter != null && outcome.throttled()) {
				limiter.throttled();
			}
			if (attempt >= retryPolicy.maxAttempts()) {
				throw new UnprocessedItemsException(unprocessed.size() + " of " + batch.size() + " items were "
						+ "still unprocessed after " + retryPolicy.maxAttempts() + " retries [table=" + table
						+ "]. The table is probably short of write capacity; the chunk was not committed. Restart "
						+ "the run when capacity is available, or lower the write rate (--max-write-capacity).");
			}
			unprocessedRetries.addAndGet(unprocessed.size());
			// the SDK numbers attempts from 1 (the first call, which waits 0); retry n is
			// attempt n + 1
			Duration delay = backoff.computeDelay(attempt + 2);
			sleeper.sleep(delay);
			pending = unprocessed;
		}
	}

	/**
	 * The attempts of one call, each with its grant: the first is taken before the call;
	 * every retry the SDK makes by itself (after a throttle, a 5xx, a reset) takes one
	 * again after its backoff, since the failed attempt may have consumed capacity and
	 * the retry is another request to DynamoDB. Throttled attempts lower the limiter's
	 * rate.
	 */
	private final class Attempts implements ThrottleObserver.Attempts {

		private final WriteCapacityLimiter limiter;

		private final WriteLane lane;

		private final long units;

		private WriteCapacityLimiter.@Nullable Grant grant;

		Attempts(WriteCapacityLimiter limiter, WriteLane lane, long units) throws InterruptedException {
			this.limiter = limiter;
			this.lane = lane;
			this.units = units;
			this.grant = limiter.acquire(lane, units);
		}

		@Override
		public void throttled() {
			throttles.incrementAndGet();
			limiter.throttled();
		}

		@Override
		public void retry(Duration backoff) throws InterruptedException {
			completed();
			sleeper.sleep(backoff);
			grant = limiter.acquire(lane, units);
			writeUnits.addAndGet(units);
		}

		/** The last attempt was answered (or failed). */
		void completed() {
			if (grant != null) {
				limiter.completed(grant);
				grant = null;
			}
		}

	}

	/** The deletions among items returned unprocessed (usually none). */
	private static long deletions(List<MappedItem> items) {
		long count = 0;
		for (MappedItem item : items) {
			if (item.delete()) {
				count++;
			}
		}
		return count;
	}

	/**
	 * What became of a call: the items left unprocessed (all of them when the call was
	 * refused with a throttling error), and whether it was.
	 */
	private record Outcome(List<MappedItem> unprocessed, boolean throttled) {
	}

	/** One call. */
	private Outcome call(List<MappedItem> pending, @Nullable Attempts attempts) {
		long started = System.nanoTime();
		List<MappedItem> unprocessed;
		try {
			unprocessed = batchCall.call(table, pending, attempts);
		}
		catch (AwsServiceException ex) {
			if (!ex.isThrottlingException()) {
				throw ex;
			}
			calls.incrementAndGet();
			logger.debug("BatchWriteItem throttled [table={}, items={}, error={}]", table, pending.size(),
					ex.awsErrorDetails() != null ? ex.awsErrorDetails().errorCode() : ex.statusCode());
			return new Outcome(pending, true);
		}
		calls.incrementAndGet();
		if (logger.isDebugEnabled()) {
			logger.debug("BatchWriteItem [table={}, items={}, unprocessed={}, ms={}]", table, pending.size(),
					unprocessed.size(), (System.nanoTime() - started) / 1_000_000);
		}
		return new Outcome(unprocessed, false);
	}

}
