package io.dynamomigrate.progress;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javax.sql.DataSource;

import io.dynamomigrate.mapping.model.SourceSpec;
import io.dynamomigrate.source.jdbc.JdbcSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the rows of a JDBC source with one {@code SELECT COUNT(*)} over the same
 * {@code FROM} and {@code WHERE} as its reader (table and column names were validated
 * before they reach SQL), in the background, for the ETA. File sources are not counted. A
 * failed count only means no ETA. Thread-safe.
 */
public final class RowCounter {

	private static final Logger logger = LoggerFactory.getLogger(RowCounter.class);

	private final DataSource dataSource;

	private final Executor executor;

	public RowCounter(DataSource dataSource, Executor executor) {
		this.dataSource = dataSource;
		this.executor = executor;
	}

	/** The source's row count, when it is done; -1 when it cannot be counted. */
	public CompletableFuture<Long> count(SourceSpec source) {
		if (source.isFile()) {
			return CompletableFuture.completedFuture(-1L);
		}
		String sql = "SELECT COUNT(*) FROM " + JdbcSources.rowsClause(source);
		return CompletableFuture.supplyAsync(() -> {
			try (var connection = dataSource.getConnection();
					var statement = connection.createStatement();
					var rows = statement.executeQuery(sql)) {
				return rows.next() ? rows.getLong(1) : -1L;
			}
			catch (Exception ex) {
				logger.debug("Cannot count the rows of {} [error={}]", source.label(), ex.getMessage());
				return -1L;
			}
		}, executor);
	}

}
