package io.dynamomigrate.cli;

import java.io.PrintWriter;

import javax.sql.DataSource;

import io.dynamomigrate.job.RunLease;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Takes a mapping's {@link RunLease} in the job repository for a command that runs it, so that no two processes run
 * one mapping at once.
 */
final class Leases {

	private Leases() {
	}

	/**
	 * The lease, or null after telling {@code err} who holds it.
	 * @param force take it even from a live-looking holder (restart --recover: the holder is known to be gone)
	 */
	static @Nullable RunLease acquireOrReport(ConfigurableApplicationContext batch, String mapping, boolean force,
			PrintWriter err) {
		RunLease.Acquisition acquisition = RunLease.acquire(batch.getBean(DataSource.class), mapping,
				RunLease.DEFAULT_TTL, force);
		if (!acquisition.taken()) {
			err.println("Another run of mapping " + mapping + " is in progress in " + acquisition.holder() + ". Wait "
					+ "for it to end, or stop it with `stop`; nothing was done.");
			err.flush();
			return null;
		}
		return acquisition.lease();
	}

}
