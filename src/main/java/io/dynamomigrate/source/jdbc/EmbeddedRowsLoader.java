package io.dynamomigrate.source.jdbc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import javax.sql.DataSource;

import io.dynamomigrate.mapping.model.EmbedSpec;
import io.dynamomigrate.records.SourceRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads the child rows of embeddings for a whole chunk of parent records before the chunk
 * is processed: one query per embedding per {@value #PARENTS_PER_QUERY} parents
 * ({@code WHERE child_key IN (...)}), never one query per parent. Records without
 * children get an empty list. Registered as a chunk listener of a sequential step; not
 * thread-safe.
 */
public final class EmbeddedRowsLoader implements ChunkListener<SourceRecord, Object> {

	static final int PARENTS_PER_QUERY = 1000;

	private final JdbcTemplate jdbc;

	private final List<EmbedSpec> embeds;

	public EmbeddedRowsLoader(DataSource dataSource, List<EmbedSpec> embeds) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.embeds = List.copyOf(embeds);
	}

	@Override
	public void beforeChunk(Chunk<SourceRecord> chunk) {
		List<SourceRecord> parents = new ArrayList<>();
		for (Object item : chunk.getItems()) {
			if (item instanceof SourceRecord record) {
				parents.add(record);
			}
		}
		for (EmbedSpec embed : embeds) {
			for (int from = 0; from < parents.size(); from += PARENTS_PER_QUERY) {
				load(embed, parents.subList(from, Math.min(parents.size(), from + PARENTS_PER_QUERY)));
			}
		}
	}

	private void load(EmbedSpec embed, List<SourceRecord> parents) {
		Map<String, List<Object>> keys = new LinkedHashMap<>();
		for (SourceRecord parent : parents) {
			List<Object> key = new ArrayList<>();
			for (String column : embed.parentColumns()) {
				key.add(parent.get(column));
			}
			if (!key.contains(null)) {
				keys.putIfAbsent(canonical(key), key);
			}
		}
		Map<String, List<Map<String, @Nullable Object>>> rowsByParent = new HashMap<>();
		if (!keys.isEmpty()) {
			List<Object> parameters = new ArrayList<>();
			String sql = query(embed, keys.values(), parameters);
			jdbc.query(sql, (rs) -> {
				Map<String, @Nullable Object> row = JdbcValues.row(rs);
				List<Object> key = new ArrayList<>();
				for (String column : embed.childColumns()) {
					key.add(row.get(column));
				}
				rowsByParent.computeIfAbsent(canonical(key), (k) -> new ArrayList<>()).add(row);
			}, parameters.toArray());
		}
		for (SourceRecord parent : parents) {
			List<Object> key = new ArrayList<>();
			for (String column : embed.parentColumns()) {
				key.add(parent.get(column));
			}
			parent.attachChildren(embed.name(), rowsByParent.getOrDefault(canonical(key), List.of()));
		}
	}

	/**
	 * {@code SELECT * FROM child WHERE (a, b) IN ((?, ?), ...) ORDER BY a, b, order...}.
	 */
	static String query(EmbedSpec embed, Iterable<List<Object>> keys, List<Object> parameters) {
		List<String> columns = embed.childColumns();
		String tuple = columns.size() == 1 ? columns.get(0) : "(" + String.join(", ", columns) + ")";
		StringJoiner in = new StringJoiner(", ", tuple + " IN (", ")");
		String placeholders = columns.size() == 1 ? "?" : "(" + "?, ".repeat(columns.size() - 1) + "?)";
		for (List<Object> key : keys) {
			in.add(placeholders);
			parameters.addAll(key);
		}
		List<String> order = new ArrayList<>(columns);
		order.addAll(embed.orderBy());
		return "SELECT * FROM " + embed.table() + " WHERE " + in + " ORDER BY " + String.join(", ", order);
	}

	/**
	 * Joins key values so that 7, 7.0 and "7" from parent and child columns of different
	 * types match.
	 */
	private static String canonical(List<Object> key) {
		StringJoiner joiner = new StringJoiner("\u0000");
		for (Object value : key) {
			if (value instanceof BigDecimal number) {
				joiner.add(number.stripTrailingZeros().toPlainString());
			}
			else {
				joiner.add(String.valueOf(value));
			}
		}
		return joiner.toString();
	}

}
