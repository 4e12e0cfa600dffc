package io.dynamomigrate.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.dynamomigrate.testing.BatchWriteSplit.TableWrite;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Counts writes per table and canonical primary key. The canonical key is the key
 * attributes as a JSON object with sorted names, numbers normalised ({@code "1.0"} and
 * {@code "1"} are the same key), e.g. {@code {"pk":{"S":"ARTIST#1"},"sk":{"N":"7"}}}. Key
 * attribute names are cached per table.
 * <p>
 * Thread-safe.
 */
final class WriteCounter {

	private final ObjectMapper mapper;

	private final ConcurrentMap<String, List<String>> keyAttributes = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, ConcurrentMap<String, AtomicLong>> counts = new ConcurrentHashMap<>();

	private final AtomicLong writes = new AtomicLong();

	WriteCounter(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Counts {@code written}, asking {@code keyAttributesLoader} for the key attribute
	 * names of a table not seen before.
	 */
	void record(List<TableWrite> written, Function<String, List<String>> keyAttributesLoader) {
		for (TableWrite write : written) {
			String key = canonicalKey(write, keyAttributesLoader);
			this.counts.computeIfAbsent(write.table(), (table) -> new ConcurrentHashMap<>())
				.computeIfAbsent(key, (k) -> new AtomicLong())
				.incrementAndGet();
			this.writes.incrementAndGet();
		}
	}

	/**
	 * {@code forwarded} without {@code notWritten}, matched by table and canonical key.
	 */
	List<TableWrite> without(List<TableWrite> forwarded, List<TableWrite> notWritten,
			Function<String, List<String>> keyAttributesLoader) {
		if (notWritten.isEmpty()) {
			return forwarded;
		}
		Map<String, Integer> pending = new TreeMap<>();
		for (TableWrite write : notWritten) {
			pending.merge(write.table() + '\n' + canonicalKey(write, keyAttributesLoader), 1, Integer::sum);
		}
		List<TableWrite> written = new ArrayList<>();
		for (TableWrite write : forwarded) {
			String id = write.table() + '\n' + canonicalKey(write, keyAttributesLoader);
			Integer left = pending.get(id);
			if (left != null && left > 0) {
				pending.put(id, left - 1);
			}
			else {
				written.add(write);
			}
		}
		return written;
	}

	long writes() {
		return this.writes.get();
	}

	Map<String, Long> perKey(String table) {
		Map<String, Long> copy = new TreeMap<>();
		this.counts.getOrDefault(table, new ConcurrentHashMap<>()).forEach((key, count) -> copy.put(key, count.get()));
		return copy;
	}

	long keysWrittenMoreThanOnce(String table) {
		return this.counts.getOrDefault(table, new ConcurrentHashMap<>())
			.values()
			.stream()
			.filter((count) -> count.get() > 1)
			.count();
	}

	/**
	 * Forgets the cached key attribute names of {@code table} (it was created or
	 * deleted).
	 */
	void forgetKeySchema(String table) {
		this.keyAttributes.remove(table);
	}

	void reset() {
		this.counts.clear();
		this.writes.set(0);
		this.keyAttributes.clear();
	}

	/** The canonical primary key of one write request. */
	String canonicalKey(TableWrite write, Function<String, List<String>> keyAttributesLoader) {
		List<String> names = this.keyAttributes.get(write.table());
		if (names == null) {
			names = keyAttributesLoader.apply(write.table());
			this.keyAttributes.putIfAbsent(write.table(), names);
		}
		JsonNode source = write.keySource();
		ObjectNode key = this.mapper.createObjectNode();
		for (String name : names.stream().sorted().toList()) {
			key.set(name, normalised(source.get(name)));
		}
		return this.mapper.writeValueAsString(key);
	}

	private JsonNode normalised(@Nullable JsonNode value) {
		if (value == null) {
			return this.mapper.nullNode();
		}
		JsonNode number = value.get("N");
		if (number != null && number.isString()) {
			try {
				String plain = new BigDecimal(number.stringValue()).stripTrailingZeros().toPlainString();
				return this.mapper.createObjectNode().put("N", plain);
			}
			catch (NumberFormatException ex) {
				return value;
			}
		}
		return value;
	}

}
