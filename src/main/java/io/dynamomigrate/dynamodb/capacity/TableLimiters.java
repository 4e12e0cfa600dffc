package io.dynamomigrate.dynamodb.capacity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The write-capacity limiters of target tables, one per table, for everything that writes
 * to them from this process: one run (the default, {@link #perRun()}), or every entry of
 * a fleet that runs concurrently, so that entries writing the same table share one budget
 * (DESIGN.md invariant 11). The first run that resolves a table's budget makes its
 * limiter; later runs take the same one, whatever budget they resolved. Thread-safe.
 */
public final class TableLimiters {

	private final Map<String, WriteCapacityLimiter> limiters = new ConcurrentHashMap<>();

	private TableLimiters() {
	}

	/** Limiters for one run only. */
	public static TableLimiters perRun() {
		return new TableLimiters();
	}

	/** Limiters shared by every run given this instance (a fleet's entries). */
	public static TableLimiters shared() {
		return new TableLimiters();
	}

	/** The table's limiter: the one made before, else the one {@code made} makes. */
	WriteCapacityLimiter limiter(String table, Supplier<WriteCapacityLimiter> made) {
		return limiters.computeIfAbsent(table, (name) -> made.get());
	}

}
