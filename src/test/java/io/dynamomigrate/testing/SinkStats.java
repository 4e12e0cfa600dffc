package io.dynamomigrate.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a {@link DynamoDbSink} accepted: items, WCU, calls, calls with unprocessed items,
 * validation failures, and the WCU of every call with its time, from which the mean WCU/s
 * and the worst one-second window {@code (t - 1 s, t]} follow. Thread-safe.
 */
public final class SinkStats {

	private final List<long[]> calls = new ArrayList<>();

	private long items;

	private long units;

	private long partial;

	private long violations;

	/** Wall-clock time (epoch ms) of the first accepted call, or 0. */
	private long firstCallMillis;

	synchronized void record(long nanoTime, long items, long units, boolean partial) {
		if (calls.isEmpty()) {
			firstCallMillis = System.currentTimeMillis();
		}
		calls.add(new long[] { nanoTime, units });
		this.items += items;
		this.units += units;
		if (partial) {
			this.partial++;
		}
	}

	synchronized void violation() {
		violations++;
	}

	public synchronized long items() {
		return items;
	}

	public synchronized long writeUnits() {
		return units;
	}

	public synchronized long calls() {
		return calls.size();
	}

	/** Calls that got some items back unprocessed. */
	public synchronized long partialCalls() {
		return partial;
	}

	/** Calls refused for breaking the API's rules. */
	public synchronized long violations() {
		return violations;
	}

	/** WCU per second from the first accepted call to the last. */
	public synchronized double meanWriteUnitsPerSecond() {
		if (calls.size() < 2) {
			return 0;
		}
		double seconds = (calls.get(calls.size() - 1)[0] - calls.get(0)[0]) / 1e9;
		// the last call's units arrive at the end of the span; spread the rest over it
		return seconds > 0 ? (units - calls.get(calls.size() - 1)[1]) / seconds : 0;
	}

	/**
	 * WCU per second accepted from {@code fromNanos} (inclusive) to {@code toNanos}
	 * (exclusive), on the {@code System.nanoTime()} clock of this JVM.
	 */
	public synchronized double meanWriteUnitsPerSecond(long fromNanos, long toNanos) {
		long sum = 0;
		for (long[] call : calls) {
			if (call[0] >= fromNanos && call[0] < toNanos) {
				sum += call[1];
			}
		}
		return sum / ((toNanos - fromNanos) / 1e9);
	}

	/** The most WCU accepted in any window {@code (t - 1 s, t]}. */
	public synchronized long maxWriteUnitsInAnySecond() {
		List<long[]> sorted = new ArrayList<>(calls);
		sorted.sort((a, b) -> Long.compare(a[0], b[0]));
		long max = 0;
		long sum = 0;
		int first = 0;
		for (long[] call : sorted) {
			sum += call[1];
			while (sorted.get(first)[0] <= call[0] - 1_000_000_000L) {
				sum -= sorted.get(first++)[1];
			}
			max = Math.max(max, sum);
		}
		return max;
	}

	public synchronized String json() {
		return String.format(Locale.ROOT,
				"{\"items\":%d,\"writeUnits\":%d,\"calls\":%d,\"partialCalls\":%d,\"violations\":%d,"
						+ "\"meanWcuPerSecond\":%.1f,\"maxWcuInAnySecond\":%d,\"firstCallMillis\":%d}",
				items, units, calls.size(), partial, violations, meanWriteUnitsPerSecond(), maxWriteUnitsInAnySecond(),
				firstCallMillis);
	}

}
