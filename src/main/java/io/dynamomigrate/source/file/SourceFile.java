package io.dynamomigrate.source.file;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.dynamomigrate.mapping.model.FileFormat;
import org.jspecify.annotations.Nullable;

/**
 * One file of a file source, wherever its bytes come from: a local file or an S3 object.
 * Its name is what record positions and the restart state show ({@code /data/part-1.csv},
 * {@code s3://bucket/key}). Thread-safe.
 *
 * @param name the full name, shown in positions and saved at every chunk boundary
 * @param fileName the last segment of the name, for the format and compression its
 * extension implies
 * @param format the format the file has whatever its extension (the data files of a
 * DynamoDB export), or null
 * @param opener opens a new stream of the file's bytes from the first one
 */
record SourceFile(String name, String fileName, @Nullable FileFormat format, Opener opener) {

	private static final int BUFFER = 1 << 16;

	/** Opens the bytes of a file from its start. */
	@FunctionalInterface
	interface Opener {

		InputStream open() throws IOException;

	}

	/** A file on local disk. */
	static SourceFile local(Path path) {
		return new SourceFile(path.toString(), path.getFileName().toString(), null,
				() -> new BufferedInputStream(Files.newInputStream(path), BUFFER));
	}

	/** A new stream of the file's bytes, from the first one. */
	InputStream open() throws IOException {
		return opener.open();
	}

	@Override
	public String toString() {
		return name;
	}

}
