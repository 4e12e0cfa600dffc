package io.dynamomigrate.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.dynamomigrate.report.VerifyReport.AttributeDifference;
import io.dynamomigrate.report.VerifyReport.Difference;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.json.JsonMapper;

/**
 * Collects verification outcomes per table in an on-disk map (H2 MVStore), so memory
 * stays bounded at any volume: every expected key (for finding unexpected items with a
 * scan) and the current difference of each compared key. A key produced by several
 * records is judged by its last record, as a run leaves it: a later comparison replaces
 * an earlier one. Thread-safe (all methods synchronized).
 */
public final class VerificationResults implements AutoCloseable {

	private static final int EXAMPLES = 20;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MVStore store;

	private final Map<String, long[]> counts = new LinkedHashMap<>();

	private final Map<String, Long> unexpected = new LinkedHashMap<>();

	private final Map<String, List<Difference>> unexpectedExamples = new LinkedHashMap<>();

	public VerificationResults(Path file) {
		this.store = new MVStore.Builder().fileName(file.toString()).cacheSize(16).open();
	}

	/** Remembers a key the source explains (sampled or not). */
	public synchronized void expected(String table, String key) {
		if (expectedKeys(table).putIfAbsent(key, Boolean.TRUE) == null) {
			counts(table)[0]++;
		}
	}

	/**
	 * Records the comparison of one expected item with what the table holds
	 * ({@code actual} null: missing).
	 */
	public synchronized void compared(String table, String key, String position, Map<String, AttributeValue> expected,
			@Nullable Map<String, AttributeValue> actual) {
		counts(table)[1]++;
		MVMap<String, String> differences = store.openMap("differences." + table);
		if (actual == null) {
			differences.put(key, JSON.writeValueAsString(new Difference("MISSING", key, position, List.of())));
			return;
		}
		List<AttributeDifference> attributes = new ArrayList<>();
		for (String name : new TreeSet<>(union(expected, actual))) {
			AttributeValue want = expected.get(name);
			AttributeValue have = actual.get(name);
			if (want == null || !want.equals(have)) {
				attributes.add(new AttributeDifference(name, text(want), text(have)));
			}
		}
		if (attributes.isEmpty()) {
			differences.remove(key);
		}
		else {
			differences.put(key, JSON.writeValueAsString(new Difference("DIFFERENT", key, position, attributes)));
		}
	}

	/** Whether the source explains this key of the table. */
	public synchronized boolean isExpected(String table, String key) {
		return expectedKeys(table).containsKey(key);
	}

	/** Records a target item that the source does not explain. */
	public synchronized void unexpected(String table, String key, Map<String, AttributeValue> item) {
		unexpected.merge(table, 1L, Long::sum);
		List<Difference> examples = unexpectedExamples.computeIfAbsent(table, (t) -> new ArrayList<>());
		if (examples.size() < EXAMPLES) {
			List<AttributeDifference> attributes = new ArrayList<>();
			new TreeSet<>(item.keySet())
				.forEach((name) -> attributes.add(new AttributeDifference(name, null, text(item.get(name)))));
			examples.add(new Difference("UNEXPECTED", key, "", attributes));
		}
	}

	/** The result of one table. */
	public synchronized VerifyReport.TableResult table(String table) {
		long missing = 0;
		long different = 0;
		List<Difference> examples = new ArrayList<>();
		MVMap<String, String> differences = store.openMap("differences." + table);
		for (String json : differences.values()) {
			Difference difference = JSON.readValue(json, Difference.class);
			if (difference.kind().equals("MISSING")) {
				missing++;
			}
			else {
				different++;
			}
			if (examples.size() < EXAMPLES) {
				examples.add(difference);
			}
		}
		examples.addAll(unexpectedExamples.getOrDefault(table, List.of()));
		long[] count = counts(table);
		return new VerifyReport.TableResult(table, count[0], count[1], missing, different,
				unexpected.getOrDefault(table, 0L), examples);
	}

	private MVMap<String, Boolean> expectedKeys(String table) {
		return store.openMap("expected." + table);
	}

	private long[] counts(String table) {
		return counts.computeIfAbsent(table, (t) -> new long[2]);
	}

	private static TreeSet<String> union(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
		TreeSet<String> names = new TreeSet<>(a.keySet());
		names.addAll(b.keySet());
		return names;
	}

	private static @Nullable String text(@Nullable AttributeValue value) {
		return value == null ? null : value.toString();
	}

	@Override
	public synchronized void close() {
		store.closeImmediately();
	}

}
