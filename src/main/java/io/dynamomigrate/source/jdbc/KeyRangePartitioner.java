package io.dynamomigrate.source.jdbc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.dynamomigrate.mapping.model.SourceSpec;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits a JDBC source with a single-column key into key ranges for a partitioned step.
 * An integral numeric key is split by its minimum and maximum into ranges of equal width;
 * any other key by boundaries sampled from the data ({@code NTILE} over the key order, so
 * the ranges hold about the same number of rows). Each range is {@code [lower, upper)},
 * the first without a lower and the last without an upper bound, so every row is in
 * exactly one range, also rows added after the split. The bounds go into each partition's
 * execution context; on restart Spring Batch reuses the saved contexts, so the ranges
 * never change for an execution. Thread-safe.
 */
public final class KeyRangePartitioner implements Partitioner {

	/**
	 * Execution-context key of a partition's inclusive lower bound (absent = unbounded).
	 */
	public static final String LOWER = "partition.lower";

	/**
	 * Execution-context key of a partition's exclusive upper bound (absent = unbounded).
	 */
	public static final String UPPER = "partition.upper";

	private final DataSource dataSource;

	private final SourceSpec source;

	public KeyRangePartitioner(DataSource dataSource, SourceSpec source) {
		if (source.key().size() != 1) {
			throw new IllegalArgumentException("Only a source with a single-column key can be partitioned, not "
					+ source.label() + " with key " + source.key() + ".");
		}
		this.dataSource = dataSource;
		this.source = source;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		List<Object> boundaries;
		try {
			boundaries = boundaries(Math.max(1, gridSize));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot split " + source.label() + " into key ranges: " + ex.getMessage(),
					ex);
		}
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		for (int i = 0; i <= boundaries.size(); i++) {
			ExecutionContext context = new ExecutionContext();
			if (i > 0) {
				context.put(LOWER, boundaries.get(i - 1));
			}
			if (i < boundaries.size()) {
				context.put(UPPER, boundaries.get(i));
			}
			partitions.put("partition" + i, context);
		}
		return partitions;
	}

	/** The distinct inner boundaries, ascending: at most {@code n - 1} of them. */
	private List<Object> boundaries(int n) throws SQLException {
		String key = source.key().get(0);
		String from = JdbcSources.rowsClause(source);
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			Object min;
			Object max;
			try (ResultSet rs = s.executeQuery("SELECT MIN(" + key + "), MAX(" + key + ") FROM " + from)) {
				rs.next();
				min = rs.getObject(1);
				max = rs.getObject(2);
			}
			if (min == null || n == 1) {
				return List.of();
			}
			BigDecimal low = integral(min);
			BigDecimal high = integral(max);
			if (low != null && high != null) {
				return numericBoundaries(low, high, n, min);
			}
			List<Object> boundaries = new ArrayList<>();
			try (ResultSet rs = s
				.executeQuery("SELECT MIN(" + key + ") FROM (SELECT " + key + ", NTILE(" + n + ") OVER (ORDER BY " + key
						+ ") AS dm_tile FROM " + from + ") dm_tiles GROUP BY dm_tile ORDER BY 1")) {
				while (rs.next()) {
					boundaries.add(rs.getObject(1));
				}
			}
			return boundaries.isEmpty() ? boundaries : new ArrayList<>(boundaries.subList(1, boundaries.size()));
		}
	}

	private static List<Object> numericBoundaries(BigDecimal low, BigDecimal high, int n, Object sample) {
		BigDecimal width = high.subtract(low)
			.add(BigDecimal.ONE)
			.divide(BigDecimal.valueOf(n), 0, RoundingMode.CEILING);
		List<Object> boundaries = new ArrayList<>();
		for (int i = 1; i < n; i++) {
			BigDecimal boundary = low.add(width.multiply(BigDecimal.valueOf(i)));
			if (boundary.compareTo(high) > 0) {
				break;
			}
			boundaries.add(sameType(boundary, sample));
		}
		return boundaries;
	}

	private static @Nullable BigDecimal integral(Object value) {
		if (value instanceof Long || value instanceof Integer || value instanceof Short) {
			return BigDecimal.valueOf(((Number) value).longValue());
		}
		if (value instanceof BigDecimal decimal && decimal.stripTrailingZeros().scale() <= 0) {
			return decimal;
		}
		if (value instanceof java.math.BigInteger big) {
			return new BigDecimal(big);
		}
		return null;
	}

	private static Object sameType(BigDecimal value, Object sample) {
		if (sample instanceof Long || sample instanceof Integer || sample instanceof Short) {
			return value.longValueExact();
		}
		return value;
	}

}
