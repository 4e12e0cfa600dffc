package io.dynamomigrate.dynamodb;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The write-capacity budget of one target table, shared by every step and partition that writes to it in a run
 * (DESIGN.md invariant 5). A writer calls {@link #acquire(long)} with the WCU of a {@code BatchWriteItem} request
 * before sending it, and {@link #throttled()} when DynamoDB throttles.
 * <p>
 * <b>Guarantee.</b> Every grant has an instant (the value {@code acquire} returns; the caller sends at or after it).
 * In every window {@code (t - 1 s, t]} the WCU granted is at most the budget. A single request costing more than the
 * whole budget is granted only into an empty window (it could never fit otherwise), and is then the only grant of
 * that window. A caller that wakes late from its wait (a busy machine, a GC pause) has its grant moved to the instant
 * it woke, and a {@linkplain #completed completed} call to the instant it was answered: the latest it can have reached
 * DynamoDB. Later grants then keep the budget around the time requests really arrive, whatever the call latency
 * (as long as it stays well under a second).
 * <p>
 * <b>Smoothness.</b> Within that hard cap, grants are paced at the {@linkplain AdaptiveRate effective rate}: each
 * request moves a "paid until" instant forward by {@code cost / rate} (from at most 200 ms before now, so a writer that
 * paused to read its next chunk can catch up), and is
 * granted no earlier than {@value #PACING_TOLERANCE_MILLIS} ms before that instant, so the budget is spread over the
 * second rather than spent at its start. Throttles lower the effective rate multiplicatively and quiet seconds raise it
 * additively back to the budget.
 * <p>
 * Grants are first come, first served (instants never decrease). Thread-safe: any number of writer threads may share
 * one limiter. Times come from an injected nanosecond clock and waits go through an injected {@link Sleeper}. Nothing
 * is kept across runs: a restarted run starts with the full budget.
 */
public final class WriteCapacityLimiter {

	/** The hard window: no {@code (t - 1 s, t]} holds more than the budget. */
	public static final long WINDOW_NANOS = 1_000_000_000L;

	/** How far ahead of the paced schedule a grant may be. */
	static final long PACING_TOLERANCE_MILLIS = 50;

	private static final long PACING_TOLERANCE_NANOS = PACING_TOLERANCE_MILLIS * 1_000_000L;

	/** How far the paced schedule may lag the clock: unused capacity of the last 200 ms may still be used. */
	static final long CATCH_UP_NANOS = 200_000_000L;

	/** A caller that wakes later than this after its grant has its grant moved to when it woke. */
	private static final long LATE_NANOS = 1_000_000L;

	private final String table;

	private final long budget;

	private final LongSupplier nanoTime;

	private final Sleeper sleeper;

	private final AdaptiveRate rate;

	/** WCU by instant of the grants that may still be inside the window of a future grant. */
	private final TreeMap<Long, Long> window = new TreeMap<>();

	private long windowTotal;

	private long paidUntil;

	private long lastGrant;

	private long granted;

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
	 * Waits until {@code cost} WCU may be written and returns the grant.
	 * @param cost the WCU of the request, at least 1
	 * @throws InterruptedException when interrupted while waiting (the capacity stays spent)
	 */
	public Grant acquire(long cost) throws InterruptedException {
		long grant = reserve(cost);
		long wait = grant - nanoTime.getAsLong();
		if (wait > 0) {
			sleeper.sleep(Duration.ofNanos(wait));
		}
		long woke = nanoTime.getAsLong();
		return new Grant(grant, woke - grant > LATE_NANOS ? move(grant, cost, woke) : grant, cost);
	}

	/**
	 * Tells the limiter that the request of a grant has been answered: it is booked at this instant from now on, the
	 * latest it can have reached DynamoDB, so that slow or late calls never let later grants crowd a window at the
	 * receiving end. Optional; without it, grants count at their own instants.
	 */
	public void completed(Grant grant) {
		long now = nanoTime.getAsLong();
		if (now > grant.booked()) {
			move(grant.booked(), grant.cost(), now);
		}
	}

	/**
	 * Moves booked WCU to a later instant, when they are still in the window (a caller woke late, or its call
	 * completed). Returns where they are booked now.
	 */
	private synchronized long move(long from, long cost, long to) {
		Long booked = window.get(from);
		if (booked == null || booked < cost) {
			return from;
		}
		if (booked == cost) {
			window.remove(from);
		}
		else {
			window.put(from, booked - cost);
		}
		window.merge(to, cost, Long::sum);
		return to;
	}

	/**
	 * A grant: the instant it was granted for (at or after which the caller sends), where its WCU are booked (later
	 * when the caller woke late or its call completed), and its WCU.
	 *
	 * @param instant the granted instant
	 * @param booked where the WCU are counted now
	 * @param cost the WCU
	 */
	public record Grant(long instant, long booked, long cost) {
	}

	/** Books {@code cost} WCU at the earliest instant the window and the pacing allow, and returns the instant. */
	synchronized long reserve(long cost) {
		if (cost < 1) {
			throw new IllegalArgumentException("A write costs at least 1 WCU, not " + cost);
		}
		long now = nanoTime.getAsLong();
		double effective = rate.at(now);
		// paced: the request is paid for at the effective rate before it is granted (less a small tolerance); the
		// schedule may lag the clock by up to CATCH_UP, so that time a writer spent reading its next chunk is not lost
		// to pacing (the window still caps every second)
		// the first request starts the schedule: nothing to catch up yet
		paidUntil = (paidUntil == Long.MIN_VALUE ? now : Math.max(paidUntil, now - CATCH_UP_NANOS))
				+ (long) Math.ceil(cost * 1e9 / effective);
		long grant = Math.max(Math.max(now, lastGrant), paidUntil - PACING_TOLERANCE_NANOS);
		evictUpTo(grant - WINDOW_NANOS);
		// everything booked after grant - 1 s counts (also a late grant after it): any window holding the new grant
		// holds no other grant
		while (!window.isEmpty() && windowTotal + cost > budget) {
			Map.Entry<Long, Long> oldest = window.pollFirstEntry();
			windowTotal -= oldest.getValue();
			grant = Math.max(grant, oldest.getKey() + WINDOW_NANOS);
		}
		evictUpTo(grant - WINDOW_NANOS);
		window.merge(grant, cost, Long::sum);
		windowTotal += cost;
		lastGrant = grant;
		granted += cost;
		return grant;
	}

	private void evictUpTo(long instant) {
		while (!window.isEmpty() && window.firstKey() <= instant) {
			windowTotal -= window.pollFirstEntry().getValue();
		}
	}

	/** Records that DynamoDB throttled a request to this table; lowers the effective rate. */
	public synchronized void throttled() {
		rate.throttled(nanoTime.getAsLong());
	}

	/** The effective rate now, WCU/s (the budget unless throttles lowered it). */
	public synchronized double effectiveRate() {
		return rate.at(nanoTime.getAsLong());
	}

	/** Throttles recorded so far. */
	public synchronized long throttles() {
		return rate.throttles();
	}

	/** WCU granted so far. */
	public synchronized long granted() {
		return granted;
	}

	public long budget() {
		return budget;
	}

	public String table() {
		return table;
	}

}
