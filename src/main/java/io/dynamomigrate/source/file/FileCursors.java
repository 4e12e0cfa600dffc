package io.dynamomigrate.source.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import io.dynamomigrate.mapping.model.FileFormat;
import io.dynamomigrate.mapping.model.FileSourceSpec;

/**
 * Opens the cursor for one file of a source (local or S3): its format, decompressing
 * {@code .gz} files. Thread-safe.
 */
final class FileCursors {

	private static final int BUFFER = 1 << 16;

	private FileCursors() {
	}

	static RecordCursor open(SourceFile file, FileSourceSpec spec) throws IOException {
		FileFormat format = file.format() != null ? file.format() : spec.formatOf(Path.of(file.fileName()));
		if (format == null) {
			throw new IOException("the format of " + file.fileName() + " is not known from its extension; "
					+ "declare it with `format: csv | json | jsonl | ddb-json`");
		}
		InputStream in = file.open();
		try {
			if (FileFormat.isGzip(file.fileName())) {
				in = new GZIPInputStream(in, BUFFER);
			}
			Charset charset = format == FileFormat.CSV ? Charset.forName(spec.csv().encoding())
					: StandardCharsets.UTF_8;
			DecodingReader reader = new DecodingReader(in, charset);
			return switch (format) {
				case CSV -> new CsvCursor(reader, spec.csv(), spec.maxRecordSize());
				case JSON -> new JsonArrayCursor(reader, spec.maxRecordSize());
				case JSONL -> new JsonLinesCursor(reader, false, spec.maxRecordSize());
				case DDB_JSON -> new JsonLinesCursor(reader, true, spec.maxRecordSize());
			};
		}
		catch (IOException | RuntimeException ex) {
			in.close();
			throw ex;
		}
	}

}
