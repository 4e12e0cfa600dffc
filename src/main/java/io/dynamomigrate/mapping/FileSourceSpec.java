package io.dynamomigrate.mapping;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * A file source of an item definition: one file, a directory (its files, by name) or a glob, read as one source in
 * a stable order (sorted by path).
 *
 * @param path the path as written in the mapping (a file, a directory, or a glob such as {@code exports/*.jsonl.gz})
 * @param base the directory relative paths are resolved against (the mapping file's directory)
 * @param format the declared format, or null to take it from each file's extension ({@code .gz} stripped)
 * @param csv CSV parsing options (used by CSV files only)
 * @param maxRecordSize the most characters one record may have; a longer record is a reject
 */
public record FileSourceSpec(String path, Path base, @Nullable FileFormat format, CsvSpec csv, int maxRecordSize) {

	/** Default {@link #maxRecordSize()}: 1 MiB characters (DynamoDB's 400 KB item limit is checked on the item). */
	public static final int DEFAULT_MAX_RECORD_SIZE = 1 << 20;

	/** The path resolved against {@link #base()}, as text (it may be a glob). */
	public String resolved() {
		return base.resolve(path).normalize().toString();
	}

	/** The format of one file: the declared one, else the one its name implies (null if none). */
	public @Nullable FileFormat formatOf(Path file) {
		return format != null ? format : FileFormat.fromFileName(file.getFileName().toString());
	}

}
