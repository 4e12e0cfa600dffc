package io.dynamomigrate.dynamodb.imports;

/**
 * Where an import's objects go: {@code s3://bucket/prefix/}, each table's under
 * {@code prefix/
 *
<table>
 * /}.
 *
 * @param bucket the bucket
 * @param keyPrefix the key prefix, empty or ending with {@code /}
 */
public record S3Prefix(String bucket, String keyPrefix) {

	private static final String SCHEME = "s3://";

	/**
	 * Parses {@code s3://bucket/prefix/} (a missing closing {@code /} is added).
	 * @throws IllegalArgumentException with a sentence saying what to write instead
	 */
	public static S3Prefix parse(String url) {
		if (!url.startsWith(SCHEME) || url.length() == SCHEME.length() || url.charAt(SCHEME.length()) == '/') {
			throw new IllegalArgumentException("--via-import: " + url + " is not an S3 prefix. Fix: write "
					+ "s3://bucket/prefix/ (a bucket the run may write to).");
		}
		String rest = url.substring(SCHEME.length());
		int slash = rest.indexOf('/');
		String bucket = slash < 0 ? rest : rest.substring(0, slash);
		String prefix = slash < 0 ? "" : rest.substring(slash + 1);
		if (!prefix.isEmpty() && !prefix.endsWith("/")) {
			prefix += "/";
		}
		return new S3Prefix(bucket, prefix);
	}

	/** The key prefix of a table's data objects (what {@code ImportTable} reads). */
	public String dataPrefix(String table) {
		return keyPrefix + table + "/data/";
	}

	/**
	 * The key of a table's manifest (beside its data objects, not read by the import).
	 */
	public String manifestKey(String table) {
		return keyPrefix + table + "/manifest.json";
	}

	/** The URL of a key of the bucket. */
	public String url(String key) {
		return SCHEME + bucket + "/" + key;
	}

	@Override
	public String toString() {
		return url(keyPrefix);
	}

}
