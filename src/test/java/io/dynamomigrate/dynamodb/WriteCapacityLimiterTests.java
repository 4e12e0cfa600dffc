package io.dynamomigrate.dynamodb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * The limiter on a fake nanosecond clock: sleeping advances the clock, so seconds of schedule take milliseconds.
 */
class WriteCapacityLimiterTests {

	private static final long SECOND = 1_000_000_000L;

	private final AtomicLong clock = new AtomicLong(5 * SECOND);

	private final Sleeper advancingSleeper = (duration) -> clock.addAndGet(duration.toNanos());

	/** A granted request: its instant and its WCU. */
	record Grant(long instant, long cost) {
	}

	@Test
	void oneWriter_itemsOfMixedSizes_neverMoreThanTheBudgetInAnyOneSecondWindow_andTheBudgetIsReached()
			throws InterruptedException {
		WriteCapacityLimiter limiter = new WriteCapacityLimiter("t", 1000, clock::get, advancingSleeper);
		Random random = new Random(7);
		List<Grant> grants = new ArrayList<>();
		long start = clock.get();
		while (clock.get() - start < 20 * SECOND) {
			// batches of 25 items of 1 to 2 KB, one in a hundred of items up to 12 KB
			long cost = random.nextInt(100) == 0 ? 25 + random.nextInt(275) : 25 + random.nextInt(26);
			grants.add(new Grant(limiter.acquire(cost).instant(), cost));
		}
		assertThat(maxInAnyWindow(grants, SECOND)).isLessThanOrEqualTo(1000);
		long total = grants.stream().mapToLong(Grant::cost).sum();
		double seconds = (grants.get(grants.size() - 1).instant() - grants.get(0).instant()) / 1e9;
		assertThat(total / seconds).as("mean WCU/s over %.1f s", seconds).isBetween(970.0, 1000.0);
		assertThat(limiter.granted()).isEqualTo(total);
	}

	@Test
	void oneWriter_itemsUpToTheWholeBudget_neverMoreThanTheBudgetInAnyOneSecondWindow() throws InterruptedException {
		WriteCapacityLimiter limiter = new WriteCapacityLimiter("t", 1000, clock::get, advancingSleeper);
		Random random = new Random(11);
		List<Grant> grants = new ArrayList<>();
		for (int i = 0; i < 3000; i++) {
			long cost = 1 + random.nextInt(random.nextInt(10) == 0 ? 1000 : 40);
			grants.add(new Grant(limiter.acquire(cost).instant(), cost));
		}
		assertThat(maxInAnyWindow(grants, SECOND)).isLessThanOrEqualTo(1000);
	}

	@Test
	void manyConcurrentWriters_itemsOfMixedSizes_neverMoreThanTheBudgetInAnyOneSecondWindow() throws Exception {
		WriteCapacityLimiter limiter = new WriteCapacityLimiter("t", 500, clock::get, advancingSleeper);
		List<Grant> grants = new CopyOnWriteArrayList<>();
		int writers = 16;
		CountDownLatch ready = new CountDownLatch(writers);
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				Random random = new Random(w);
				futures.add(pool.submit(() -> {
					ready.countDown();
					ready.await();
					for (int i = 0; i < 400; i++) {
						long cost = 1 + random.nextInt(i % 50 == 0 ? 300 : 25);
						grants.add(new Grant(limiter.acquire(cost).instant(), cost));
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(grants).hasSize(writers * 400);
		assertThat(maxInAnyWindow(grants, SECOND)).isLessThanOrEqualTo(500);
		assertThat(limiter.granted()).isEqualTo(grants.stream().mapToLong(Grant::cost).sum());
	}

	@Test
	void theBudgetIsSpreadOverTheSecond_notSpentAtItsStart() throws InterruptedException {
		WriteCapacityLimiter limiter = new WriteCapacityLimiter("t", 2000, clock::get, advancingSleeper);
		List<Grant> grants = new ArrayList<>();
		for (int i = 0; i < 4000; i++) {
			grants.add(new Grant(limiter.acquire(25).instant(), 25));
		}
		// 100 ms of the budget, plus the pacing tolerance (50 ms of it) and one request
		assertThat(maxInAnyWindow(grants, SECOND / 10)).isLessThanOrEqualTo(200 + 100 + 25);
	}

	@Test
	void aRequestCostingMoreThanTheBudget_isGrantedAloneInAnEmptyWindow() throws InterruptedException {
		WriteCapacityLimiter limiter = new WriteCapacityLimiter("t", 100, clock::get, advancingSleeper);
		long small = limiter.acquire(10).instant();
		long big = limiter.acquire(250).instant();
		long next = limiter.acquire(10).instant();
		assertThat(big - small).isGreaterThanOrEqualTo(SECOND);
		assertThat(next - big).isGreaterThanOrEqualTo(SECOND);
	}

	@Test
	void aSlowCall_isCountedWhenItWasAnswered_soTheWindowHoldsAtTheReceivingEndToo() throws InterruptedException {
		WriteCapacityLimiter limiter = new WriteCapacityLimiter("t", 100, clock::get, advancingSleeper);
		WriteCapacityLimiter.Grant slow = limiter.acquire(100);
		clock.addAndGet(SECOND * 3 / 10); // the call takes 300 ms
		limiter.completed(slow);
		long next = limiter.acquire(10).instant();
		assertThat(next - slow.instant()).isGreaterThanOrEqualTo(SECOND * 13 / 10);
	}

	@Test
	void aCallerThatWakesLate_isCountedFromWhenItWoke() throws InterruptedException {
		WriteCapacityLimiter limiter = new WriteCapacityLimiter("t", 100, clock::get, (d) -> clock.addAndGet(
				d.toNanos() + SECOND / 5));
		long first = limiter.acquire(60).instant();
		WriteCapacityLimiter.Grant second = limiter.acquire(40); // waits for pacing, wakes 200 ms late
		assertThat(second.booked() - second.instant()).isGreaterThanOrEqualTo(SECOND / 5);
		long third = limiter.acquire(70).instant();
		// 70 fits only once the first two have left the window; the second leaves 1 s after it woke, not its grant
		assertThat(third).isGreaterThanOrEqualTo(first + SECOND).isGreaterThanOrEqualTo(second.booked() + SECOND);
	}

	@Test
	void throttlingLowersTheRateMultiplicatively_andQuietSecondsRestoreItAdditively() throws InterruptedException {
		WriteCapacityLimiter limiter = new WriteCapacityLimiter("t", 1000, clock::get, advancingSleeper);
		assertThat(limiter.effectiveRate()).isEqualTo(1000.0);
		limiter.throttled();
		assertThat(limiter.effectiveRate()).isEqualTo(500.0);
		clock.addAndGet(SECOND / 10);
		limiter.throttled(); // same episode: counted, not lowered again
		assertThat(limiter.effectiveRate()).isEqualTo(500.0);
		clock.addAndGet(SECOND / 2);
		limiter.throttled();
		assertThat(limiter.effectiveRate()).isEqualTo(250.0);
		assertThat(limiter.throttles()).isEqualTo(3);

		// while lowered, grants follow the lowered rate
		List<Grant> grants = new ArrayList<>();
		long start = clock.get();
		while (clock.get() - start < SECOND * 9 / 10) {
			grants.add(new Grant(limiter.acquire(5).instant(), 5));
		}
		// 0.9 s at 250 WCU/s, plus what pacing lets a paused writer catch up (200 ms) and its tolerance (50 ms), plus
		// one request: far below the 900 WCU the budget would allow
		assertThat(grants.stream().mapToLong(Grant::cost).sum()).isLessThanOrEqualTo(250 * 115 / 100 + 5);

		clock.set(start + SECOND);
		assertThat(limiter.effectiveRate()).isCloseTo(300.0, within(1e-9));
		clock.addAndGet(5 * SECOND);
		assertThat(limiter.effectiveRate()).isCloseTo(550.0, within(1e-9));
		clock.addAndGet(60 * SECOND);
		assertThat(limiter.effectiveRate()).isEqualTo(1000.0);
	}

	@Test
	void theRateNeverFallsBelowItsFloor() {
		WriteCapacityLimiter limiter = new WriteCapacityLimiter("t", 1000, clock::get, advancingSleeper);
		for (int i = 0; i < 50; i++) {
			limiter.throttled();
			clock.addAndGet(SECOND / 2);
		}
		assertThat(limiter.effectiveRate()).isEqualTo(20.0);
	}

	@Test
	void aBudgetBelowOneIsRefused_withTheTableNamed() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WriteCapacityLimiter("music", 0, clock::get, advancingSleeper))
			.withMessageContaining("music");
	}

	/** The most WCU granted in any window {@code (t - length, t]}. */
	static long maxInAnyWindow(List<Grant> grants, long length) {
		List<Grant> sorted = new ArrayList<>(grants);
		sorted.sort(Comparator.comparingLong(Grant::instant));
		long max = 0;
		long sum = 0;
		int first = 0;
		for (Grant grant : sorted) {
			sum += grant.cost();
			while (sorted.get(first).instant() <= grant.instant() - length) {
				sum -= sorted.get(first++).cost();
			}
			max = Math.max(max, sum);
		}
		return max;
	}

	@Test
	void maxInAnyWindow_countsWindowsOfExactlyTheGivenLength() {
		List<Grant> grants = List.of(new Grant(0, 5), new Grant(SECOND - 1, 5), new Grant(SECOND, 7));
		assertThat(maxInAnyWindow(grants, SECOND)).isEqualTo(12);
		assertThat(maxInAnyWindow(List.of(new Grant(0, 5), new Grant(SECOND - 1, 5)), SECOND)).isEqualTo(10);
	}

}
