package io.dynamomigrate.source.file;

import java.util.Map;

import io.dynamomigrate.records.RejectReason;
import org.jspecify.annotations.Nullable;

/**
 * What a cursor found at one place of a file: a record's values, or a record that cannot
 * be read.
 */
sealed interface FileRecord {

	/** The line the record starts on (1-based). */
	long line();

	/** A readable record: its values by column (JSON property) name. */
	record Values(long line, Map<String, @Nullable Object> values) implements FileRecord {
	}

	/** An unreadable record: why, and an excerpt of it for the rejects file. */
	record Bad(long line, RejectReason reason, String message, String excerpt) implements FileRecord {
	}

}
