package io.dynamomigrate.source.file;

import java.util.Map;
import java.util.function.Supplier;

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

		/**
		 * The reject of a record of {@code size} characters on lines {@code line} to
		 * {@code last} ({@code what}: a "line" or an "object") that is larger than
		 * {@code maxRecordSize} or has bytes that are not valid in the file's encoding;
		 * null when it has neither.
		 */
		static @Nullable Bad ofSizeOrEncoding(String what, long line, long last, long size, int maxRecordSize,
				DecodingReader reader, Supplier<String> excerpt) {
			if (size > maxRecordSize) {
				return new Bad(line, RejectReason.RECORD_TOO_LARGE,
						"the " + what + " has " + size + " characters, more than maxRecordSize " + maxRecordSize,
						excerpt.get());
			}
			if (reader.malformed(line, last)) {
				return new Bad(line, RejectReason.INVALID_ENCODING,
						"the " + what + " has bytes that are not valid in the file's encoding (shown as \uFFFD)",
						excerpt.get());
			}
			return null;
		}

	}

}
