package io.dynamomigrate.mapping.model;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The format of a file source. Written in mappings as {@code csv}, {@code json},
 * {@code jsonl}, {@code ddb-json}.
 */
public enum FileFormat {

	/** Comma-separated values per RFC 4180; every value is text. */
	CSV,
	/** One JSON array of objects, streamed element by element. */
	JSON,
	/** JSON Lines: one JSON object per line. */
	JSONL,
	/**
	 * DynamoDB JSON as DynamoDB's export to S3 writes it: {@code {"Item": {...typed...}}}
	 * per line.
	 */
	DDB_JSON;

	/** Whether the file is gzip-compressed, by its {@code .gz} extension. */
	public static boolean isGzip(String fileName) {
		return fileName.toLowerCase(Locale.ROOT).endsWith(".gz");
	}

	/**
	 * The format a file name's extension implies ({@code .gz} stripped): {@code .csv},
	 * {@code .json}, {@code .jsonl} or {@code .ndjson}; null for any other extension
	 * (DynamoDB JSON must be declared).
	 */
	public static @Nullable FileFormat fromFileName(String fileName) {
		String name = fileName.toLowerCase(Locale.ROOT);
		if (name.endsWith(".gz")) {
			name = name.substring(0, name.length() - 3);
		}
		if (name.endsWith(".csv")) {
			return CSV;
		}
		if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
			return JSONL;
		}
		if (name.endsWith(".json")) {
			return JSON;
		}
		return null;
	}

}
