package io.dynamomigrate.dynamodb.capacity;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The write-capacity budget of one target table, shared by every step and partition that
 * writes to it in a run (DESIGN.md invariant 5). A writer calls {@link #acquire(long)}
 * with the WCU of a {@code BatchWriteItem} request before sending it,
 * {@link #completed(Grant)} once the call is answered (required, also when it failed),
 * and {@link #throttled()} when DynamoDB refuses a whole call with a throttling error; a
 * writer with a {@linkplain #lane() lane} acquires through it and tells it what came back
 * unprocessed.
 * <p>
 * <b>Guarantee.</b> Every grant has an instant (the caller sends at or after it), and its
 * request reaches DynamoDB at some unknown time between that instant and the answer.
 * Wherever in that span each request arrives, no window {@code (t - 1 s, t]} receives
 * more than the budget. To hold this at the receiving end, the WCU of a call that is not
 * answered yet count in the window of every later grant (it may still arrive at any
 * moment), and once it is answered they count at the instant of the answer (the latest it
 * can have arrived) for one more second. So a new grant is placed where it fits beside
 * every unanswered call and every call answered less than a second before it; when the
 * unanswered calls alone leave no room, the caller waits for answers. Whatever the call
 * latency and however late a caller wakes or sends, the budget holds where the requests
 * arrive. A single request costing more than the whole budget is granted only into an
 * empty window (it could never fit otherwise), and is then the only one in it.
 * <p>
 * <b>Smoothness.</b> Within that hard cap, grants are paced at the
 * {@linkplain AdaptiveRate effective rate}: each request moves a "paid until" instant
 * forward by {@code cost / rate} (from at most 200 ms before now, so a writer that paused
 * to read its next chunk can catch up), and is granted no earlier than
 * {@value #PACING_TOLERANCE_MILLIS} ms before that instant, so the budget is spread over
 * the second rather than spent at its start. Throttling errors lower the effective rate
 * multiplicatively and quiet seconds raise it additively back to the budget; items
 * returned unprocessed lower the rate of the {@linkplain #lane() lane} (writer) that sent
 * them, in proportion to the share refused.
 * <p>
 * Grants are first come, first served (instants never decrease). Thread-safe: any number
 * of writer threads may share one limiter. Times come from an injected nanosecond clock
 * and waits go through an injected {@link Sleeper} (a wait for other calls' answers waits
 * for them, not for time). Nothing is kept across runs: a restarted run starts with the
 * full budget.
 */
public final class WriteCapacityLimiter {

	/** The hard window: no {@code (t - 1 s, t]} holds more than the budget. */
	public static final long WINDOW_NANOS = 1_000_000_000L;

	/** How far ahead of the paced schedule a grant may be. */
	static final long PACING_TOLERANCE_MILLIS = 50;

	static final long PACING_TOLERANCE_NANOS = PACING_TOLERANCE_MILLIS * 1_000_000L;

	/**
	 * How far the paced schedule may lag the clock: unused capacity of the last 200 ms
	 * may still be used.
	 */
	static final long CATCH_UP_NANOS = 200_000_000L;

	/** What {@link #fit} returns when only answers to outstanding calls can make room. */
	private static final long NO_ROOM = Long.MIN_VALUE;

	private final String table;

	private final long budget;

	/** The part of the budget this process may use ({@link #share(double)}). */
	private long cap;

	private final LongSupplier nanoTime;

	private final Sleeper sleeper;

	private final AdaptiveRate rate;

	/**
	 * WCU of answered calls by the instant of their answer, while that may be inside the
	 * window of a new grant.
	 */
	private final TreeMap<Long, Long> answered = new TreeMap<>();

	private long answeredTotal;

	/**
	 * WCU of grants whose calls are not answered yet: they may reach DynamoDB at any
	 * moment.
	 */
	private long outstanding;

	private long paidUntil;

	private long lastGrant;

	private long granted;

	private long partlyUnprocessed;

	/**
	 * @param table the table, for messages
	 * @param budget WCU per second, at least 1
	 * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime})
	 * @param sleeper how callers wait for their grant
	 */
	public WriteCapacityLimiter(String table, long budget, LongSupplier nanoTime, Sleeper sleeper) {
		if (budget < 1) {
			throw new IllegalArgumentException("The write budget of table " + table + " must be at least 1 WCU/s");
		}
		this.table = table;
		this.budget = budget;
		this.cap = budget;
		this.nanoTime = nanoTime;
		this.sleeper = sleeper;
		long now = nanoTime.getAsLong();
		this.rate = new AdaptiveRate(budget, now);
		this.paidUntil = Long.MIN_VALUE;
		this.lastGrant = now - WINDOW_NANOS;
	}

	/** A limiter on the system clock that sleeps for real. */
	public static WriteCapacityLimiter system(String table, long budget) {
		return new WriteCapacityLimiter(table, budget, System::nanoTime, Sleeper.SYSTEM);
	}

	/**
	 * Waits until {@code cost} WCU may be written and returns the grant; the caller sends
	 * its request now and must call {@link #completed(Grant)} once it is answered (or
	 * failed).
	 * @param cost the WCU of the request, at least 1
	 * @throws InterruptedException when interrupted while waiting (the capacity stays
	 * spent)
	 */
	public Grant acquire(long cost) throws InterruptedException {
		Grant grant = new Grant(reserve(cost), cost);
		long wait = grant.instant() - nanoTime.getAsLong();
		if (wait > 0) {
			try {
				sleeper.sleep(Duration.ofNanos(wait));
			}
			catch (InterruptedException ex) {
				completed(grant);
				throw ex;
			}
		}
		return grant;
	}

	/**
	 * Tells the limiter that the call of a grant has been answered (or failed): from now
	 * on its WCU count at this instant, the latest it can have reached DynamoDB, until it
	 * is a second old.
	 */
	public synchronized void completed(Grant grant) {
		long at = Math.max(nanoTime.getAsLong(), grant.instant());
		outstanding -= grant.cost();
		answered.merge(at, grant.cost(), Long::sum);
		answeredTotal += grant.cost();
		notifyAll();
	}

	/**
	 * A grant: the instant it was granted for (at or after which the caller sends) and
	 * its WCU.
	 *
	 * @param instant the granted instant
	 * @param cost the WCU
	 */
	public record Grant(long instant, long cost) {
	}

	/**
	 * Books {@code cost} WCU as outstanding at the earliest instant the window and the
	 * pacing allow, and returns the instant; waits for answers when the outstanding calls
	 * leave no room.
	 */
	synchronized long reserve(long cost) throws InterruptedException {
		if (cost < 1) {
			throw new IllegalArgumentException("A write costs at least 1 WCU, not " + cost);
		}
		long now = nanoTime.getAsLong();
		double effective = Math.min(rate.at(now), cap);
		// paced at the effective rate (less a tolerance); the schedule may lag the clock
		// by CATCH_UP (time spent reading is not lost); the window still caps every
		// second
		paidUntil = paidUntil(paidUntil, now, cost, effective);
		long paced = paidUntil - PACING_TOLERANCE_NANOS;
		long grant = fit(cost, Math.max(Math.max(now, lastGrant), paced));
		while (grant == NO_ROOM) {
			wait();
			grant = fit(cost, Math.max(Math.max(nanoTime.getAsLong(), lastGrant), paced));
		}
		outstanding += cost;
		lastGrant = grant;
		granted += cost;
		return grant;
	}

	/**
	 * A paced schedule moved on by {@code cost} WCU at {@code rate}, from at most
	 * {@link #CATCH_UP_NANOS} ago.
	 */
	static long paidUntil(long paidUntil, long now, long cost, double rate) {
		return (paidUntil == Long.MIN_VALUE ? now : Math.max(paidUntil, now - CATCH_UP_NANOS))
				+ (long) Math.ceil(cost * 1e9 / rate);
	}

	/**
	 * The earliest instant from {@code from} at which {@code cost} fits beside the
	 * outstanding calls and the calls answered within the second before it, or
	 * {@link #NO_ROOM} when the outstanding calls alone leave none. Answers a second
	 * older than the instant are forgotten: later grants are later still.
	 */
	private long fit(long cost, long from) {
		if (outstanding > 0 && outstanding + cost > cap) {
			return NO_ROOM;
		}
		long grant = from;
		while (!answered.isEmpty()
				&& (answered.firstKey() <= grant - WINDOW_NANOS || outstanding + answeredTotal + cost > cap)) {
			Map.Entry<Long, Long> oldest = answered.pollFirstEntry();
			answeredTotal -= oldest.getValue();
			grant = Math.max(grant, oldest.getKey() + WINDOW_NANOS);
		}
		return grant;
	}

	/**
	 * A writer's own rate within the table's (one per step, or per partition of a
	 * partitioned step: one source key range). Items that DynamoDB returns unprocessed
	 * are refused by the partitions their keys fall in, so they lower the rate of the
	 * writer that sent them, in proportion to the share refused ({@link AdaptiveRate}),
	 * and a hot key written by one key range does not slow the others down.
	 * {@link #acquire(WriteLane, long)} paces the writer at its rate before it takes its
	 * grant from the table. Thread-safe.
	 */
	public WriteLane lane() {
		return new WriteLane(this, budget, nanoTime);
	}

	/**
	 * One more call answered with some of its items unprocessed (counted as a throttle).
	 */
	synchronized void partlyUnprocessed() {
		partlyUnprocessed++;
	}

	/** Like {@link #acquire(long)}, after waiting for the lane's own pace. */
	public Grant acquire(WriteLane lane, long cost) throws InterruptedException {
		long wait = lane.pace(cost) - nanoTime.getAsLong();
		if (wait > 0) {
			sleeper.sleep(Duration.ofNanos(wait));
		}
		return acquire(cost);
	}

	/**
	 * Records that DynamoDB refused a whole request to this table with a throttling
	 * error; lowers the table's effective rate.
	 */
	public synchronized void throttled() {
		rate.throttled(nanoTime.getAsLong());
	}

	/**
	 * The table's effective rate now, WCU/s (the budget unless throttling errors lowered
	 * it; lanes have their own).
	 */
	public synchronized double effectiveRate() {
		return rate.at(nanoTime.getAsLong());
	}

	/** Throttles recorded so far: throttling errors and partly unprocessed calls. */
	public synchronized long throttles() {
		return rate.throttles() + partlyUnprocessed;
	}

	/** WCU granted so far. */
	public synchronized long granted() {
		return granted;
	}

	public long budget() {
		return budget;
	}

	/**
	 * Keeps from now on to {@code floor(budget * fraction)} WCU/s (at least 1): a
	 * process's share.
	 */
	public synchronized void share(double fraction) {
		cap = Math.max(1, (long) Math.floor(budget * Math.min(1, fraction)));
		notifyAll();
	}

	public String table() {
		return table;
	}

}
