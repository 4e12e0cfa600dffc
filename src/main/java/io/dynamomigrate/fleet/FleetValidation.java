package io.dynamomigrate.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariDataSource;
import io.dynamomigrate.mapping.model.ConnectionSpec;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.validation.MappingProblem;
import io.dynamomigrate.mapping.validation.Problems;
import io.dynamomigrate.source.jdbc.JdbcSources;
import io.dynamomigrate.source.jdbc.SourceSchemaCheck;
import io.dynamomigrate.source.jdbc.SourceUnavailableException;

/**
 * {@code fleet validate} against the sources: every entry's mapping is checked against
 * its source database's metadata (unknown tables and columns), N entries at a time. Each
 * distinct source (URL, user and password) is opened once, however many entries read it,
 * and a mapping text checked once per source. Used by one thread.
 */
public final class FleetValidation {

	private final LoadedFleet fleet;

	private final Map<Connection, Source> sources = new ConcurrentHashMap<>();

	private final Map<String, List<String>> checked = new ConcurrentHashMap<>();

	public FleetValidation(LoadedFleet fleet) {
		this.fleet = fleet;
	}

	/** The problems of every entry against its source, each prefixed with its entry. */
	public List<String> againstSources(int concurrency) {
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		try {
			List<Future<List<String>>> checks = new ArrayList<>();
			for (FleetEntry entry : fleet.entries()) {
				MappingSpec mapping = entry.mapping();
				if (mapping != null && !mapping.source().url().isEmpty()) {
					checks.add(pool.submit(() -> check(entry, mapping)));
				}
			}
			List<String> problems = new ArrayList<>();
			for (Future<List<String>> check : checks) {
				problems.addAll(check.get());
			}
			return problems;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("The validation was interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Cannot check an entry: " + ex.getMessage(), ex);
		}
		finally {
			pool.shutdownNow();
			sources.values().forEach(Source::close);
		}
	}

	private List<String> check(FleetEntry entry, MappingSpec mapping) {
		Connection key = Connection.of(mapping.source());
		Source source = sources.computeIfAbsent(key, (k) -> Source.open(mapping.source()));
		String prefix = LoadedFleet.prefix(entry.spec());
		if (source.unavailable() != null) {
			return List.of(prefix + source.unavailable());
		}
		List<String> found = checked.computeIfAbsent(key + "\n" + mapping.checksum(), (k) -> {
			Problems problems = new Problems(mapping.file());
			new SourceSchemaCheck(java.util.Objects.requireNonNull(source.dataSource())).check(mapping, problems);
			return problems.list().stream().map(MappingProblem::toString).toList();
		});
		return found.stream().map((line) -> prefix + line).toList();
	}

	/** What tells two sources apart. */
	private record Connection(String url, String user, String password) {

		static Connection of(ConnectionSpec spec) {
			return new Connection(spec.url(), spec.user() == null ? "" : spec.user(),
					spec.password() == null ? "" : spec.password().reveal());
		}

		@Override
		public String toString() {
			return url + "|" + user + "|" + Integer.toHexString(password.hashCode());
		}

	}

	/** An opened source, or why it could not be opened. */
	private record Source(@org.jspecify.annotations.Nullable HikariDataSource dataSource,
			@org.jspecify.annotations.Nullable String unavailable) {

		static Source open(ConnectionSpec connection) {
			try {
				return new Source(JdbcSources.open(connection, 4), null);
			}
			catch (SourceUnavailableException ex) {
				return new Source(null, ex.getMessage());
			}
		}

		void close() {
			if (dataSource != null) {
				dataSource.close();
			}
		}

	}

}
