package io.dynamomigrate.source.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.mapping.model.FileSourceSpec;
import io.dynamomigrate.records.RecordRejectedException;
import io.dynamomigrate.records.SourcePosition;
import io.dynamomigrate.records.SourceRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads the files of a file source (local files from {@link FileSet}, or S3 objects from
 * {@link S3Files}, in path or key order) record by record, streaming each file (an S3
 * object through ranged GETs, no local copy). Every record's position is its file and
 * line ({@code file[line=n]}). A record that cannot be read raises
 * {@link RecordRejectedException} with that position and the reason; the step skips it (a
 * read skip), writes it to the rejects file, and the next read continues with the
 * following record.
 *
 * <p>
 * <b>Restart.</b> At every chunk boundary {@link #update} saves the index and name of the
 * current file and the number of records (good and bad) already read from it. On restart
 * the reader checks that the same file is at that index, opens it, and reads past that
 * many records without returning them, so it continues with the next record of the right
 * file. Files are not seeked (gzip cannot be), so skipping costs a parse of the file's
 * first part, not a write; an S3 object is read again from its first byte, and the
 * objects before it are not read at all. Not thread-safe: one reader per step execution.
 */
public final class FileSourceReader implements ItemStreamReader<SourceRecord> {

	private static final Logger log = LoggerFactory.getLogger(FileSourceReader.class);

	private final String name;

	private final FileSourceSpec spec;

	private List<SourceFile> files = List.of();

	private @Nullable S3Client s3;

	private int fileIndex;

	private long recordsInFile;

	private @Nullable RecordCursor cursor;

	/**
	 * @param name the prefix of the reader's keys in the step's execution context
	 * @param spec the file source
	 */
	public FileSourceReader(String name, FileSourceSpec spec) {
		this.name = name;
		this.spec = spec;
	}

	@Override
	public void open(ExecutionContext context) {
		if (spec.isS3()) {
			s3 = S3Files.client(spec);
			try {
				files = S3Files.list(s3, spec);
			}
			catch (SdkException | UncheckedIOException ex) {
				throw new ItemStreamException("Cannot list " + spec.resolved() + ": " + ex.getMessage(), ex);
			}
		}
		else {
			files = FileSet.of(spec).stream().map(SourceFile::local).toList();
		}
		if (files.isEmpty()) {
			throw new ItemStreamException("No file matches " + spec.resolved() + " (source.file `" + spec.path()
					+ "`). Check the path; it is relative to the mapping file.");
		}
		fileIndex = context.getInt(key("file.index"), 0);
		long skip = context.getLong(key("file.records"), 0);
		if (context.containsKey(key("file.index")) && fileIndex < files.size()) {
			String saved = context.getString(key("file.name"), "");
			if (!files.get(fileIndex).name().equals(saved)) {
				throw new ItemStreamException("Cannot restart: the files of " + spec.resolved() + " changed since "
						+ "the failed run (file " + (fileIndex + 1) + " was " + saved + ", now " + files.get(fileIndex)
						+ "). Restore the files, or start a new run.");
			}
		}
		if (fileIndex < files.size() && skip > 0) {
			log.debug("Restarting after record {} of {} [reader={}]", skip, files.get(fileIndex), name);
			try {
				RecordCursor opened = openCursor();
				for (long i = 0; i < skip && opened.next() != null; i++) {
					recordsInFile++;
				}
			}
			catch (IOException ex) {
				throw new ItemStreamException(cannotRead(ex), ex);
			}
		}
	}

	@Override
	public @Nullable SourceRecord read() throws IOException {
		while (fileIndex < files.size()) {
			RecordCursor current = (cursor != null) ? cursor : openCursor();
			FileRecord record;
			try {
				record = current.next();
			}
			catch (IOException ex) {
				throw new IOException(cannotRead(ex), ex);
			}
			if (record == null) {
				current.close();
				cursor = null;
				fileIndex++;
				recordsInFile = 0;
				continue;
			}
			recordsInFile++;
			SourcePosition position = new SourcePosition(files.get(fileIndex).name(), Map.of("line", record.line()));
			if (record instanceof FileRecord.Bad bad) {
				throw new RecordRejectedException(bad.reason(), position, "", bad.message(), bad.excerpt());
			}
			return new SourceRecord(((FileRecord.Values) record).values(), position);
		}
		return null;
	}

	private RecordCursor openCursor() throws IOException {
		SourceFile file = files.get(fileIndex);
		log.debug("Reading {} [reader={}]", file, name);
		RecordCursor opened;
		try {
			opened = FileCursors.open(file, spec);
		}
		catch (IOException ex) {
			throw new IOException(cannotRead(ex), ex);
		}
		cursor = opened;
		recordsInFile = 0;
		return opened;
	}

	private String cannotRead(IOException ex) {
		String file = fileIndex < files.size() ? files.get(fileIndex).name() : spec.resolved();
		return "Cannot read " + file + " after record " + recordsInFile + ": " + ex.getMessage();
	}

	@Override
	public void update(ExecutionContext context) {
		context.putInt(key("file.index"), fileIndex);
		context.putString(key("file.name"), fileIndex < files.size() ? files.get(fileIndex).name() : "");
		context.putLong(key("file.records"), recordsInFile);
	}

	@Override
	public void close() {
		if (cursor != null) {
			try {
				cursor.close();
			}
			catch (IOException ex) {
				log.debug("Cannot close {}: {}", files.get(fileIndex), ex.getMessage());
			}
			cursor = null;
		}
		if (s3 != null) {
			s3.close();
			s3 = null;
		}
	}

	private String key(String suffix) {
		return name + "." + suffix;
	}

}
