package io.dynamomigrate.mapping.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * A file source of an item definition: one file, a directory (its files, by name) or a
 * glob, read as one source in a stable order (sorted by path).
 *
 * @param path the path as written in the mapping (a file, a directory, or a glob such as
 * {@code exports/*.jsonl.gz})
 * @param base the directory relative paths are resolved against (the mapping file's
 * directory)
 * @param format the declared format, or null to take it from each file's extension
 * ({@code .gz} stripped)
 * @param csv CSV parsing options (used by CSV files only)
 * @param maxRecordSize the most characters one record may have; a longer record is a
 * reject
 * @param s3EndpointUrl for an {@code s3://} path: the endpoint of an S3-compatible store,
 * or null for AWS S3 (the SDK's default chains then also find
 * {@code AWS_ENDPOINT_URL_S3})
 */
public record FileSourceSpec(String path, Path base, @Nullable FileFormat format, CsvSpec csv, int maxRecordSize,
		@Nullable String s3EndpointUrl) {

	/** The scheme of a path that names S3 objects: {@code s3://bucket/prefix}. */
	public static final String S3_SCHEME = "s3://";

	/**
	 * Default {@link #maxRecordSize()}: 1 MiB characters (DynamoDB's 400 KB item limit is
	 * checked on the item).
	 */
	public static final int DEFAULT_MAX_RECORD_SIZE = 1 << 20;

	/** A file source on local disk or on AWS S3 (no endpoint override). */
	public FileSourceSpec(String path, Path base, @Nullable FileFormat format, CsvSpec csv, int maxRecordSize) {
		this(path, base, format, csv, maxRecordSize, null);
	}

	/**
	 * Whether the path names S3 objects ({@code s3://bucket/prefix}) rather than local
	 * files.
	 */
	public boolean isS3() {
		return path.startsWith(S3_SCHEME);
	}

	/**
	 * The path resolved against {@link #base()}, as text (it may be a glob); an
	 * {@code s3://} path as written.
	 */
	public String resolved() {
		return isS3() ? path : base.resolve(path).normalize().toString();
	}

	/**
	 * The S3 endpoint as messages may show it and the client may use it: scheme, host,
	 * port and path, never the user info (DESIGN.md invariant 8); null for AWS S3.
	 */
	public @Nullable String s3Endpoint() {
		if (s3EndpointUrl == null) {
			return null;
		}
		try {
			URI uri = new URI(s3EndpointUrl);
			return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
		}
		catch (URISyntaxException ex) {
			return "(an endpoint that is not a URL)";
		}
	}

	@Override
	public String toString() {
		return "FileSourceSpec[path=" + path + ", format=" + format + ", s3Endpoint=" + s3Endpoint() + "]";
	}

	/** A copy that reads S3 objects through this endpoint. */
	public FileSourceSpec withS3EndpointUrl(String url) {
		return new FileSourceSpec(path, base, format, csv, maxRecordSize, url);
	}

	/**
	 * The format of one file: the declared one, else the one its name implies (null if
	 * none).
	 */
	public @Nullable FileFormat formatOf(Path file) {
		return format != null ? format : FileFormat.fromFileName(file.getFileName().toString());
	}

}
