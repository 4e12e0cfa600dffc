package io.dynamomigrate.metrics;

/**
 * What {@code /health} of a {@link MetricsServer} reports: up or down, and a short detail
 * such as the last run's status or the mapping being run. Immutable, so thread-safe.
 *
 * @param up whether the process is healthy ({@code 200}, else {@code 503})
 * @param detail a short human-readable detail, never a secret
 */
public record Health(boolean up, String detail) {

	/** A healthy state with the given detail. */
	public static Health up(String detail) {
		return new Health(true, detail);
	}

	/** An unhealthy state with the given detail. */
	public static Health down(String detail) {
		return new Health(false, detail);
	}

	/** {@code UP} or {@code DOWN}. */
	public String status() {
		return up ? "UP" : "DOWN";
	}

}
