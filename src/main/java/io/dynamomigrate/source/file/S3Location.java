package io.dynamomigrate.source.file;

import io.dynamomigrate.mapping.model.FileSourceSpec;

/**
 * Where the objects of an S3 file source are: {@code s3://bucket/pattern}, the pattern
 * being a key, a prefix (a "folder", with or without the closing {@code /}) or a glob
 * over keys.
 *
 * @param bucket the bucket
 * @param pattern the key, prefix or glob ("" for the whole bucket)
 */
record S3Location(String bucket, String pattern) {

	/** Parses {@code s3://bucket/pattern}; the bucket must not be empty. */
	static S3Location parse(String url) {
		if (!url.startsWith(FileSourceSpec.S3_SCHEME)) {
			throw new IllegalArgumentException(url + " is not an s3:// path");
		}
		String rest = url.substring(FileSourceSpec.S3_SCHEME.length());
		int slash = rest.indexOf('/');
		String bucket = slash < 0 ? rest : rest.substring(0, slash);
		if (bucket.isEmpty()) {
			throw new IllegalArgumentException(url + " names no bucket; write s3://bucket/prefix");
		}
		return new S3Location(bucket, slash < 0 ? "" : rest.substring(slash + 1));
	}

	/**
	 * Whether the pattern is a glob ({@code *}, {@code ?}, {@code [..]}, {@code {a,b}}).
	 */
	boolean isGlob() {
		return pattern.chars().anyMatch((c) -> c == '*' || c == '?' || c == '[' || c == '{');
	}

	/**
	 * The longest plain prefix of the pattern: the part before its first glob character.
	 */
	String listPrefix() {
		int first = 0;
		while (first < pattern.length() && "*?[{".indexOf(pattern.charAt(first)) < 0) {
			first++;
		}
		return pattern.substring(0, first);
	}

	/** The URL of one object of the bucket. */
	String url(String key) {
		return FileSourceSpec.S3_SCHEME + bucket + "/" + key;
	}

	@Override
	public String toString() {
		return url(pattern);
	}

}
