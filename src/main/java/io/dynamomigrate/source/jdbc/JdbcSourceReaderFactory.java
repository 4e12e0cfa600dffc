package io.dynamomigrate.source.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import io.dynamomigrate.mapping.model.SourceSpec;
import io.dynamomigrate.records.SourcePosition;
import io.dynamomigrate.records.SourceRecord;
import io.dynamomigrate.records.UnreadableValue;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;

/**
 * Builds keyset-paging readers for JDBC sources. A reader pages through the source
 * ordered by its key columns with {@code WHERE key > last} conditions (never OFFSET), so
 * each page costs the same at any depth. It saves the last key read at every chunk
 * commit; on restart, it continues after that key, so committed rows are not read again.
 * Each reader is for one step and is not thread-safe.
 */
public final class JdbcSourceReaderFactory {

	private final DataSource dataSource;

	public JdbcSourceReaderFactory(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * A reader of the given source.
	 * @param name the name under which the reader saves its state (unique within the
	 * step)
	 * @param pageSize rows per query
	 */
	public JdbcPagingItemReader<SourceRecord> reader(String name, SourceSpec source, int pageSize) {
		return reader(name, source, pageSize, null, null, ReadWindow.ALL);
	}

	/**
	 * A reader of the rows of the given source whose (single-column) key is in
	 * {@code [lower, upper)}: one partition of a partitioned step
	 * ({@link KeyRangePartitioner}).
	 * @param lower the inclusive lower bound, or null for none
	 * @param upper the exclusive upper bound, or null for none
	 * @param window the rows an incremental run reads, by the values of their incremental
	 * column
	 */
	public JdbcPagingItemReader<SourceRecord> reader(String name, SourceSpec source, int pageSize,
			@Nullable Object lower, @Nullable Object upper, ReadWindow window) {
		Map<String, Order> sortKeys = new LinkedHashMap<>();
		for (String column : source.key()) {
			sortKeys.put(column, Order.ASCENDING);
		}
		String label = source.label();
		try {
			JdbcPagingItemReaderBuilder<SourceRecord> builder = new JdbcPagingItemReaderBuilder<SourceRecord>()
				.name(name)
				.dataSource(dataSource)
				.selectClause("SELECT *")
				.fromClause(JdbcSources.fromClause(source))
				.sortKeys(sortKeys)
				.pageSize(pageSize)
				.fetchSize(pageSize)
				.rowMapper((rs, rowNum) -> {
					Map<String, @Nullable Object> row = JdbcValues.row(rs);
					Map<String, Object> key = new LinkedHashMap<>();
					for (String column : source.key()) {
						Object value = row.get(column);
						key.put(column, value instanceof UnreadableValue unreadable ? unreadable.text() : value);
					}
					return new SourceRecord(row, new SourcePosition(label, key));
				});
			List<String> conditions = new ArrayList<>();
			Map<String, Object> parameters = new LinkedHashMap<>();
			if (source.where() != null) {
				conditions.add("(" + source.where() + ")");
			}
			if (lower != null) {
				conditions.add(source.key().get(0) + " >= :dm_lower");
				parameters.put("dm_lower", lower);
			}
			if (upper != null) {
				conditions.add(source.key().get(0) + " < :dm_upper");
				parameters.put("dm_upper", upper);
			}
			if (window.after() != null) {
				conditions.add(window.column() + " > :dm_after");
				parameters.put("dm_after", window.after().jdbcValue());
			}
			if (!conditions.isEmpty()) {
				builder.whereClause(String.join(" AND ", conditions));
			}
			if (!parameters.isEmpty()) {
				builder.parameterValues(parameters);
			}
			return builder.build();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot build the reader for " + label + ": " + ex.getMessage(), ex);
		}
	}

}
