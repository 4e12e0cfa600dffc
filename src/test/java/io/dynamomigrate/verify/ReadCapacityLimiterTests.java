package io.dynamomigrate.verify;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Verify's reads are paced by a read budget: reads that were answered (scan pages) are
 * paced at the budget, and never wait for answers that will not come.
 */
class ReadCapacityLimiterTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final AtomicLong slept = new AtomicLong();

	private final ReadCapacityLimiter budget = ReadCapacityLimiter.of("music", 100, now::get, (duration) -> {
		now.addAndGet(duration.toNanos());
		slept.addAndGet(duration.toNanos());
	});

	@Test
	void scanPagesOfTheWholeBudgetEach_arePacedAtOnePageASecond_andNeverWaitForever() {
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			for (int page = 0; page < 5; page++) {
				budget.spent(100);
			}
		});

		assertThat(Duration.ofNanos(slept.get())).as("five seconds' worth of reads after the first")
			.isBetween(Duration.ofMillis(3_900), Duration.ofMillis(5_000));
	}

	@Test
	void smallPages_withinTheBudget_barelyWait() throws InterruptedException {
		for (int page = 0; page < 10; page++) {
			budget.spent(5);
		}

		assertThat(Duration.ofNanos(slept.get())).isLessThan(Duration.ofMillis(600));
	}

	@Test
	void emptyPage_costsOneUnit() throws InterruptedException {
		budget.spent(0);

		assertThat(slept.get()).isZero();
	}

}
