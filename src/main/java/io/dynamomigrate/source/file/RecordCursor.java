package io.dynamomigrate.source.file;

import java.io.Closeable;
import java.io.IOException;

import org.jspecify.annotations.Nullable;

/**
 * Reads the records of one file in order, one at a time, never the whole file. A bad
 * record is returned as {@link FileRecord.Bad} and reading goes on with the next one
 * where the format allows it. Not thread-safe.
 */
interface RecordCursor extends Closeable {

	/**
	 * The next record, or null at the end of the file. @throws IOException when the file
	 * cannot be read
	 */
	@Nullable FileRecord next() throws IOException;

}
