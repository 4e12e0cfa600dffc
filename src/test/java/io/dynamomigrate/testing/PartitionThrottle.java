package io.dynamomigrate.testing;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Throttles writes per partition, as DynamoDB does: an item belongs to partition
 * {@code hash(partition key) mod n}, and each partition accepts at most {@code capacity}
 * WCU in each second since the first write (fixed one-second buckets); what is over is
 * refused (the sink returns it unprocessed). DynamoDB's own figure is 1,000 WCU/s per
 * partition. Thread-safe.
 */
public final class PartitionThrottle {

	private final int partitions;

	private final long capacity;

	private final ConcurrentHashMap<Integer, long[]> used = new ConcurrentHashMap<>();

	private volatile long start = Long.MIN_VALUE;

	private PartitionThrottle(int partitions, long capacity) {
		this.partitions = partitions;
		this.capacity = capacity;
	}

	/** No throttling. */
	public static PartitionThrottle none() {
		return new PartitionThrottle(1, Long.MAX_VALUE);
	}

	/** {@code partitions} partitions of {@code capacity} WCU/s each. */
	public static PartitionThrottle perPartition(int partitions, long capacity) {
		return new PartitionThrottle(partitions, capacity);
	}

	/** The partition of a partition-key value (its canonical JSON). */
	public int partition(String partitionKey) {
		return Math.floorMod(partitionKey.hashCode() * 0x9E3779B9, partitions);
	}

	/**
	 * Whether an item of {@code cost} WCU to that partition key is accepted at
	 * {@code nanoTime}.
	 */
	boolean admit(String partitionKey, long cost, long nanoTime) {
		if (capacity == Long.MAX_VALUE) {
			return true;
		}
		if (start == Long.MIN_VALUE) {
			synchronized (this) {
				if (start == Long.MIN_VALUE) {
					start = nanoTime;
				}
			}
		}
		long second = (nanoTime - start) / 1_000_000_000L;
		long[] bucket = used.computeIfAbsent(partition(partitionKey), (p) -> new long[] { second, 0 });
		synchronized (bucket) {
			if (bucket[0] != second) {
				bucket[0] = second;
				bucket[1] = 0;
			}
			if (bucket[1] + cost > capacity) {
				return false;
			}
			bucket[1] += cost;
			return true;
		}
	}

	void reset() {
		used.clear();
		start = Long.MIN_VALUE;
	}

}
