package io.dynamomigrate.sample;

import java.util.List;

/**
 * A tiny SplitMix64 pseudo-random generator whose output is fixed by this source file
 * alone.
 *
 * <p>
 * The JDK generators are not used on purpose: their bounded methods
 * ({@code nextInt(bound)} and friends) are implementation details that may change between
 * JDK releases, and the committed sample data must stay byte-identical to the generator's
 * output forever. Only integer arithmetic is used, so results do not depend on the
 * platform, locale or time zone.
 *
 * <p>
 * Not thread-safe: use one instance per thread (instances are cheap).
 */
final class SampleRandom {

	private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

	private long state;

	SampleRandom(long seed) {
		this.state = seed;
	}

	/**
	 * A generator for one entity, independent of every other id: {@code (seed, id)} fixes
	 * it.
	 */
	static SampleRandom forId(long seed, long id) {
		return new SampleRandom(mix64(seed ^ mix64(id * GOLDEN_GAMMA)));
	}

	/** The SplitMix64 finaliser (Steele, Lea and Flood), a bijection on {@code long}. */
	static long mix64(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	long nextLong() {
		this.state += GOLDEN_GAMMA;
		return mix64(this.state);
	}

	/**
	 * Uniform in {@code [0, bound)} (multiply-shift; the bias is below 2^-32 for our
	 * bounds).
	 */
	int nextInt(int bound) {
		if (bound <= 0) {
			throw new IllegalArgumentException("The bound must be positive, was " + bound);
		}
		return (int) (((nextLong() >>> 32) * bound) >>> 32);
	}

	/** Uniform in {@code [0, bound)} for bounds beyond {@code int}. */
	long nextLong(long bound) {
		if (bound <= 0) {
			throw new IllegalArgumentException("The bound must be positive, was " + bound);
		}
		return Long.remainderUnsigned(nextLong(), bound);
	}

	/** Uniform in {@code [min, max]}. */
	int between(int min, int max) {
		return min + nextInt(max - min + 1);
	}

	/** {@code true} with the given probability in percent. */
	boolean percent(int percent) {
		return nextInt(100) < percent;
	}

	/**
	 * Skewed towards small values: the smaller of two uniform draws in
	 * {@code [0, bound)}.
	 */
	int skewed(int bound) {
		return Math.min(nextInt(bound), nextInt(bound));
	}

	<T> T pick(List<T> values) {
		return values.get(nextInt(values.size()));
	}

}
