package io.dynamomigrate.records;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.LinkedCaseInsensitiveMap;

/**
 * One record read from a source: column values by name (case-insensitive, as SQL names
 * are), where it came from, and the child rows attached for embeddings. Not thread-safe;
 * each record belongs to one chunk.
 */
public final class SourceRecord {

	private final Map<String, @Nullable Object> values;

	private final SourcePosition position;

	/** Created when the first embedding is attached: most records have none. */
	private @Nullable Map<String, List<Map<String, @Nullable Object>>> children;

	/**
	 * A record of the given values. Values that are case-insensitive already, a JDBC
	 * reader's row ({@link ColumnValues}, read-only) or a
	 * {@link LinkedCaseInsensitiveMap} that the caller hands over, are taken as they are;
	 * any other map is copied into a case-insensitive one.
	 */
	@SuppressWarnings("NullAway") // LinkedCaseInsensitiveMap holds null values, but
									// Spring declares V without @Nullable
	public SourceRecord(Map<String, @Nullable Object> values, SourcePosition position) {
		if (values instanceof ColumnValues || values instanceof LinkedCaseInsensitiveMap) {
			this.values = values;
		}
		else {
			LinkedCaseInsensitiveMap<@Nullable Object> copy = new LinkedCaseInsensitiveMap<>(values.size());
			copy.putAll(values);
			this.values = copy;
		}
		this.position = position;
	}

	/** The column values, case-insensitive by name. */
	public Map<String, @Nullable Object> values() {
		return values;
	}

	public @Nullable Object get(String column) {
		return values.get(column);
	}

	public SourcePosition position() {
		return position;
	}

	/** Attaches the child rows of an embedding. */
	public void attachChildren(String embedding, List<Map<String, @Nullable Object>> rows) {
		if (children == null) {
			children = new LinkedCaseInsensitiveMap<>();
		}
		children.put(embedding, rows);
	}

	/** The child rows of an embedding, or null when they were not loaded. */
	public @Nullable List<Map<String, @Nullable Object>> children(String embedding) {
		return children == null ? null : children.get(embedding);
	}

	@Override
	public String toString() {
		return "SourceRecord[" + position + "]";
	}

}
