package io.dynamomigrate.dynamodb.capacity;

import java.time.Duration;

/**
 * Waits. Injected wherever the tool backs off, so tests run without real sleeps.
 */
@FunctionalInterface
public interface Sleeper {

	/** Sleeps on the current thread. */
	Sleeper SYSTEM = (duration) -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

	void sleep(Duration duration) throws InterruptedException;

}
