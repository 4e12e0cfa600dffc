package io.dynamomigrate.records;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a record is in its source: a table (or query) and the values of its key columns,
 * or a file and a line. Printed in rejects and reports, so a user can find the row.
 *
 * @param source the table, query label or file
 * @param key the key column values (or {@code line -> n} for files), in key order
 */
public record SourcePosition(String source, Map<String, Object> key) {

	@Override
	public String toString() {
		return source + key.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining(", ", "[", "]"));
	}

}
