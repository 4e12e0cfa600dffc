package io.dynamomigrate.source.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import io.dynamomigrate.dynamodb.client.S3Clients;
import io.dynamomigrate.mapping.model.FileFormat;
import io.dynamomigrate.mapping.model.FileSourceSpec;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The objects of an {@code s3://} file source, in key order, and the client that reads
 * them. A pattern is a key (one object), a prefix (the objects directly in that "folder")
 * or a glob over keys ({@code **} crosses {@code /}). A folder that holds a DynamoDB
 * export's {@code manifest-files.json} is read as that export: the data files the
 * manifest lists, as DynamoDB JSON. Credentials and region come from the SDK's default
 * chains; an endpoint override (an S3-compatible store) uses path-style addressing and
 * sends or checks the newer flexible checksums only where S3 requires them. Thread-safe.
 */
public final class S3Files {

	/**
	 * The file DynamoDB's export to S3 writes next to {@code data/}, one JSON line per
	 * data file.
	 */
	static final String EXPORT_MANIFEST = "manifest-files.json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private S3Files() {
	}

	/** A client for the source's endpoint (AWS S3 when it has none). */
	static S3Client client(FileSourceSpec spec) {
		return S3Clients.create(spec.s3Endpoint(), 4);
	}

	/**
	 * The objects of the source, sorted by key; empty when nothing matches.
	 * @throws S3Exception or {@link SdkClientException} when S3 cannot be reached or
	 * refuses the listing
	 */
	static List<SourceFile> list(S3Client client, FileSourceSpec spec) {
		S3Location location = S3Location.parse(spec.resolved());
		String pattern = location.pattern();
		if (location.isGlob()) {
			PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
			return files(client, location, objects(client, location.bucket(), location.listPrefix(), false),
					(key) -> matcher.matches(Path.of(key)), null);
		}
		if (!pattern.isEmpty() && !pattern.endsWith("/")) {
			Map<String, Long> exact = objects(client, location.bucket(), pattern, false);
			if (exact.containsKey(pattern)) {
				return files(client, location, Map.of(pattern, exact.get(pattern)), (key) -> true, null);
			}
			pattern = pattern + "/";
		}
		Map<String, Long> folder = objects(client, location.bucket(), pattern, true);
		if (folder.containsKey(pattern + EXPORT_MANIFEST)) {
			return export(client, location, pattern);
		}
		return files(client, location, folder, (key) -> true, null);
	}

	/**
	 * The data files a DynamoDB export's manifest lists, as DynamoDB JSON; each is looked
	 * up by its name in the folder's {@code data/}, so an export copied under another
	 * prefix is read too.
	 */
	private static List<SourceFile> export(S3Client client, S3Location location, String folder) {
		List<String> keys = new ArrayList<>();
		String manifest = folder + EXPORT_MANIFEST;
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(
				client.getObject((r) -> r.bucket(location.bucket()).key(manifest)), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (!line.isBlank()) {
					JsonNode entry = JSON.readTree(line);
					// the data file in this folder's data/, whatever prefix the export
					// was written under
					String key = entry.path("dataFileS3Key").asString();
					keys.add(folder + "data/" + key.substring(key.lastIndexOf('/') + 1));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + location.url(manifest) + ": " + ex.getMessage(), ex);
		}
		Map<String, Long> data = objects(client, location.bucket(), folder + "data/", false);
		for (String key : keys) {
			if (!data.containsKey(key)) {
				String message = location.url(manifest) + " lists " + key + ", which is not in "
						+ location.url(folder + "data/") + ": export the table again, or point at a complete export.";
				throw new UncheckedIOException(message, new IOException(message));
			}
		}
		return files(client, location, data, new HashSet<>(keys)::contains, FileFormat.DDB_JSON);
	}

	private static List<SourceFile> files(S3Client client, S3Location location, Map<String, Long> objects,
			Predicate<String> wanted, @Nullable FileFormat format) {
		List<SourceFile> files = new ArrayList<>();
		objects.forEach((key, size) -> {
			String fileName = key.substring(key.lastIndexOf('/') + 1);
			if (wanted.test(key) && !fileName.isEmpty() && !fileName.startsWith(".")) {
				files.add(new SourceFile(location.url(key), fileName, format,
						() -> new S3RangeInputStream(client, location.bucket(), key, size)));
			}
		});
		return files;
	}

	/**
	 * Keys and sizes under a prefix, sorted by key; only those directly under it with
	 * {@code folder}.
	 */
	private static Map<String, Long> objects(S3Client client, String bucket, String prefix, boolean folder) {
		Map<String, Long> objects = new TreeMap<>();
		client.listObjectsV2Paginator((r) -> {
			r.bucket(bucket).prefix(prefix);
			if (folder) {
				r.delimiter("/");
			}
		}).contents().forEach((S3Object o) -> objects.put(o.key(), o.size()));
		return objects;
	}

	/**
	 * Why the source's objects cannot be read, in one sentence naming the bucket or
	 * prefix and the fix; null when at least one object matches and the listing is
	 * allowed.
	 */
	public static @Nullable String problem(FileSourceSpec spec) {
		S3Location location;
		try {
			location = S3Location.parse(spec.resolved());
		}
		catch (IllegalArgumentException ex) {
			return ex.getMessage() + ".";
		}
		try (S3Client client = client(spec)) { // an endpoint that is not a URL fails here
												// (IllegalArgumentException)
			return list(client, spec).isEmpty() ? "No S3 object matches " + location + ": check the bucket, "
					+ "the prefix and the glob (keys are case-sensitive)." : null;
		}
		catch (S3Exception ex) {
			String code = ex.awsErrorDetails() == null ? "" : ex.awsErrorDetails().errorCode();
			if ("NoSuchBucket".equals(code) || ex.statusCode() == 404) {
				return "The bucket `" + location.bucket() + "` of " + location + " does not exist at " + where(spec)
						+ ": check the bucket's name (and the endpoint or region).";
			}
			if (ex.statusCode() == 403) {
				return "Access to " + location + " is denied (" + code + "): give the credentials of the SDK's "
						+ "default chain s3:ListBucket on `" + location.bucket() + "` and s3:GetObject on its "
						+ "objects, or use other credentials (AWS_PROFILE).";
			}
			return "S3 refuses to list " + location + " (HTTP " + ex.statusCode() + " " + code + "): check the "
					+ "bucket, the credentials and " + where(spec) + ".";
		}
		catch (SdkClientException ex) {
			return "Cannot reach S3 at " + where(spec) + " to list " + location + " (" + ex.getMessage() + "): check "
					+ "the network, the region (AWS_REGION) or the endpoint (--s3-endpoint-url, source.s3EndpointUrl).";
		}
		catch (UncheckedIOException ex) {
			return ex.getMessage();
		}
		catch (IllegalArgumentException ex) {
			return "The S3 endpoint " + where(spec) + " cannot be used for " + location + " (" + ex.getMessage()
					+ "): give a URL such as http://127.0.0.1:9000 (--s3-endpoint-url, source.s3EndpointUrl).";
		}
	}

	/** The endpoint as a message may show it: without user info (or AWS S3). */
	private static String where(FileSourceSpec spec) {
		return spec.s3EndpointUrl() == null ? "AWS S3" : String.valueOf(spec.s3Endpoint());
	}

}
