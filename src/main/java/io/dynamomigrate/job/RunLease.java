package io.dynamomigrate.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease on running one mapping, kept in the job repository database (table
 * {@code DM_RUN_LEASE}), so that no two processes — schedulers or commands, on any host,
 * pointed at the same repository — run the same mapping at once. Taking it is one atomic
 * statement: an {@code INSERT} of the mapping's row, or, when the row is there but its
 * holder has not renewed it for {@link #DEFAULT_TTL} (the process died), an
 * {@code UPDATE} that takes it over; the database's primary key and row locks decide
 * between racing processes. Times are the database's clock, so hosts with skewed clocks
 * agree. A lease of a process of this host that is gone ({@code kill -9}) is taken over
 * at once. The holder renews the lease every third of its lifetime on a daemon thread and
 * deletes the row on {@link #close()}. Thread-safe.
 */
public final class RunLease implements AutoCloseable {

	/** How long a lease outlives its holder's last renewal. */
	public static final Duration DEFAULT_TTL = Duration.ofMinutes(2);

	private static final Logger logger = LoggerFactory.getLogger(RunLease.class);

	private static final String TABLE = "DM_RUN_LEASE";

	private final DataSource dataSource;

	private final String mapping;

	private final String owner;

	private final ScheduledExecutorService renewals;

	private final AtomicBoolean lost = new AtomicBoolean();

	private RunLease(DataSource dataSource, String mapping, String owner, Duration ttl) {
		this.dataSource = dataSource;
		this.mapping = mapping;
		this.owner = owner;
		this.renewals = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "lease-" + mapping);
			thread.setDaemon(true);
			return thread;
		});
		long period = Math.max(1, ttl.toMillis() / 3);
		renewals.scheduleAtFixedRate(this::renew, period, period, TimeUnit.MILLISECONDS);
	}

	/**
	 * Creates the lease table when it is missing (H2, PostgreSQL and most SQL databases).
	 */
	static void ensureTable(Connection connection) throws SQLException {
		JobRepositorySchema.createTableIfMissing(connection, TABLE,
				"MAPPING VARCHAR(100) NOT NULL PRIMARY KEY, OWNER VARCHAR(300) NOT NULL, RENEWED TIMESTAMP NOT NULL");
	}

	/**
	 * Takes the lease on a mapping for this process, or returns the current holder when
	 * another live process holds it. A lease whose holder did not renew it within
	 * {@code ttl}, or whose holder is a process of this host that is gone (killed), is
	 * taken over; so is any lease when {@code force} is set (the holder is known to be
	 * gone).
	 */
	public static Acquisition acquire(DataSource dataSource, String mapping, Duration ttl, boolean force) {
		String owner = ExecutionOwner.current().host() + " " + ExecutionOwner.current().pid() + " " + UUID.randomUUID();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			Timestamp now = now(connection);
			try (PreparedStatement insert = connection.prepareStatement(
					"INSERT INTO " + TABLE + " (MAPPING, OWNER, RENEWED) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
				insert.setString(1, mapping);
				insert.setString(2, owner);
				insert.executeUpdate();
				return new Acquisition(new RunLease(dataSource, mapping, owner, ttl), null);
			}
			catch (SQLException taken) {
				// the row exists (or a racing process inserted it first): take it over
				// only when its holder is gone
			}
			Optional<String> holder = holder(connection, mapping);
			boolean holderGone = force || holder.map(RunLease::isDeadOnThisHost).orElse(false);
			try (PreparedStatement takeOver = connection.prepareStatement("UPDATE " + TABLE
					+ " SET OWNER = ?, RENEWED = CURRENT_TIMESTAMP WHERE MAPPING = ? AND (RENEWED < ? OR OWNER = ?)")) {
				takeOver.setString(1, owner);
				takeOver.setString(2, mapping);
				takeOver.setTimestamp(3, new Timestamp(now.getTime() - ttl.toMillis()));
				takeOver.setString(4, holderGone ? holder.orElse("") : "");
				if (takeOver.executeUpdate() == 1) {
					logger.info("Took over the run lease of mapping {} from {}", mapping, describe(holder.orElse("")));
					return new Acquisition(new RunLease(dataSource, mapping, owner, ttl), null);
				}
			}
			// the holder now: a process racing for an expired lease may have taken it
			// since it was read
			return new Acquisition(null, holder(connection, mapping).map(RunLease::describe).orElse("another process"));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot take the run lease of mapping " + mapping + " in the job "
					+ "repository: " + ex.getMessage(), ex);
		}
	}

	/** An owner is {@code host pid token}. */
	private static boolean isDeadOnThisHost(String owner) {
		String[] parts = owner.split(" ");
		try {
			return parts.length == 3 && new ExecutionOwner(parts[0], Long.parseLong(parts[1])).isDeadOnThisHost();
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static String describe(String owner) {
		String[] parts = owner.split(" ");
		return parts.length == 3 ? "process " + parts[1] + " on " + parts[0] : owner;
	}

	/**
	 * The outcome of {@link #acquire}: the lease, or who holds it.
	 *
	 * @param lease the lease taken, or null
	 * @param holder the holder's description when the lease was not taken, else null
	 */
	public record Acquisition(@Nullable RunLease lease, @Nullable String holder) {

		/** Whether the lease was taken. */
		public boolean taken() {
			return lease != null;
		}

	}

	private static Timestamp now(Connection connection) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT CURRENT_TIMESTAMP");
				ResultSet rows = query.executeQuery()) {
			rows.next();
			return rows.getTimestamp(1);
		}
	}

	private static Optional<String> holder(Connection connection, String mapping) throws SQLException {
		try (PreparedStatement query = connection
			.prepareStatement("SELECT OWNER FROM " + TABLE + " WHERE MAPPING = ?")) {
			query.setString(1, mapping);
			try (ResultSet rows = query.executeQuery()) {
				return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
			}
		}
	}

	private void renew() {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement update = connection.prepareStatement(
						"UPDATE " + TABLE + " SET RENEWED = CURRENT_TIMESTAMP WHERE MAPPING = ? AND OWNER = ?")) {
			update.setString(1, mapping);
			update.setString(2, owner);
			if (update.executeUpdate() == 0 && lost.compareAndSet(false, true)) {
				logger.error("The run lease of mapping {} was taken over by another process while this one held "
						+ "it (this process did not renew it in time); two runs may overlap now", mapping);
			}
		}
		catch (SQLException | RuntimeException ex) {
			logger.warn("Cannot renew the run lease of mapping {}: {}", mapping, ex.getMessage());
		}
	}

	/**
	 * Whether another process took the lease over (this process failed to renew it in
	 * time).
	 */
	public boolean lost() {
		return lost.get();
	}

	/** Stops renewing and gives the lease back. */
	@Override
	public void close() {
		renewals.shutdownNow();
		try (Connection connection = dataSource.getConnection();
				PreparedStatement delete = connection
					.prepareStatement("DELETE FROM " + TABLE + " WHERE MAPPING = ? AND OWNER = ?")) {
			delete.setString(1, mapping);
			delete.setString(2, owner);
			delete.executeUpdate();
		}
		catch (SQLException ex) {
			logger.warn("Cannot give back the run lease of mapping {}: {}; it expires by itself", mapping,
					ex.getMessage());
		}
	}

}
