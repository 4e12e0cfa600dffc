package io.dynamomigrate.source.file;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Test support: gzip in memory. */
final class Gzip {

	private Gzip() {
	}

	static byte[] compress(String text) throws IOException {
		return compress(text.getBytes(StandardCharsets.UTF_8));
	}

	static byte[] compress(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		return out.toByteArray();
	}

}
