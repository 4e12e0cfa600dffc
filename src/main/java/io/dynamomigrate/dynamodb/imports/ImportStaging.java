package io.dynamomigrate.dynamodb.imports;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import io.dynamomigrate.mapping.model.DuplicateKeyPolicy;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The items of an import run, staged on disk (an H2 MVStore file in the state directory)
 * by table and primary key until they are uploaded, so that duplicate keys are resolved
 * over the whole run before anything reaches S3: {@code ImportTable} counts every line as
 * a write and keeps an arbitrary one of two lines with the same key. Each key keeps the
 * position of the record it came from, so a chunk written again after a restart changes
 * nothing and is counted as it was the first time. Keys are stored under a hash prefix,
 * so the upload order spreads partition keys (sorted data makes a rolling hot partition
 * during an import). Thread-safe; the file survives the process and is reopened by a
 * restart.
 */
public final class ImportStaging implements AutoCloseable {

	private static final char SEPARATOR = '\u0001';

	private final MVStore store;

	/** Staging in {@code file}, created when missing, reopened when present. */
	public ImportStaging(Path file) {
		this.store = new MVStore.Builder().fileName(file.toString()).compress().autoCommitDisabled().open();
	}

	/** What became of a staged item. */
	public enum Outcome {

		/** Staged; nothing else has its key. */
		STAGED,
		/** Staged, replacing an earlier record with the same key (counted as dropped). */
		REPLACED,
		/** Not staged: an earlier record with the same key stays (counted as dropped). */
		DROPPED,
		/**
		 * Not staged: an earlier record with the same key stays, this one is a reject.
		 */
		REJECTED

	}

	/**
	 * Stages an item's line under its key, resolving a key already staged by another
	 * record with the policy: {@code LAST_WINS} replaces it, {@code FIRST_WINS} drops
	 * this one, {@code REJECT} rejects this one.
	 * @param key the primary key as text, the same for equal keys
	 * @param position the source position of the record
	 */
	public Outcome stage(String table, String key, String position, String line, DuplicateKeyPolicy policy) {
		MVMap<String, String> items = items(table);
		String storedKey = Integer.toHexString(key.hashCode() | 0x80000000) + key;
		synchronized (items) {
			String existing = items.get(storedKey);
			if (existing == null) {
				items.put(storedKey, position + SEPARATOR + SEPARATOR + line);
				return Outcome.STAGED;
			}
			String[] parts = existing.split(String.valueOf(SEPARATOR), 3);
			if (parts[0].equals(position)) { // the same record again (a restart)
				return parts[1].isEmpty() ? Outcome.STAGED : Outcome.REPLACED;
			}
			return switch (policy) {
				case LAST_WINS -> {
					items.put(storedKey, position + SEPARATOR + parts[0] + SEPARATOR + line);
					yield Outcome.REPLACED;
				}
				case FIRST_WINS -> Outcome.DROPPED;
				case REJECT -> Outcome.REJECTED;
			};
		}
	}

	/** Makes what was staged so far durable (called before each chunk commits). */
	public synchronized void commit() {
		store.commit();
	}

	/** The lines staged for a table, in the upload order. */
	public Iterator<String> lines(String table) {
		Iterator<Map.Entry<String, String>> entries = items(table).entrySet().iterator();
		return new Iterator<>() {
			@Override
			public boolean hasNext() {
				return entries.hasNext();
			}

			@Override
			public String next() {
				String value = entries.next().getValue();
				return value.substring(value.indexOf(SEPARATOR, value.indexOf(SEPARATOR) + 1) + 1);
			}
		};
	}

	/** How many items are staged for a table. */
	public long count(String table) {
		return items(table).sizeAsLong();
	}

	private MVMap<String, String> items(String table) {
		return store.openMap("items." + table);
	}

	@Override
	public synchronized void close() {
		store.close();
	}

}
