package io.dynamomigrate.dynamodb.imports;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Uploads the items staged for a table as gzip DynamoDB JSON objects ({@code <prefix>
 *
<table>
 * /data/part-00000.json.gz}, ...), each of at most {@link #MAX_OBJECT_BYTES} uncompressed
 * bytes, then a manifest of what was written ({@code <prefix>
 *
<table>
 * /manifest.json}: every object's key, items and bytes), and deletes any other object
 * under the table's data prefix (left by an earlier attempt of the same run), so that the
 * import reads exactly these objects. The names follow the staged items' order, which a
 * restart does not change: uploading again overwrites the same objects, never adds to
 * them. Thread-safe.
 */
public final class ImportUploader {

	/**
	 * Uncompressed bytes per object at most (128 MiB): many mid-sized objects import in
	 * parallel, and an import reads at most 50,000 objects.
	 */
	public static final long MAX_OBJECT_BYTES = 128L * 1024 * 1024;

	private static final Logger logger = LoggerFactory.getLogger(ImportUploader.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final S3Client s3;

	private final S3Prefix prefix;

	private final Path scratch;

	private final long maxObjectBytes;

	/**
	 * @param scratch a folder for the object being compressed
	 * @param maxObjectBytes uncompressed bytes per object at most
	 */
	public ImportUploader(S3Client s3, S3Prefix prefix, Path scratch, long maxObjectBytes) {
		this.s3 = s3;
		this.prefix = prefix;
		this.scratch = scratch;
		this.maxObjectBytes = maxObjectBytes;
	}

	/** What was uploaded for a table. */
	public record Upload(String table, int objects, long items, long uncompressedBytes, long compressedBytes) {
	}

	/** Uploads the table's staged items and its manifest. */
	public Upload upload(String table, Iterator<String> lines) {
		try {
			Files.createDirectories(scratch);
			ArrayNode objects = JSON.createArrayNode();
			Set<String> keys = new HashSet<>();
			long items = 0;
			long bytes = 0;
			long compressed = 0;
			while (lines.hasNext() || keys.isEmpty()) {
				String key = prefix.dataPrefix(table) + String.format(Locale.ROOT, "part-%05d.json.gz", keys.size());
				Path file = scratch.resolve("part.json.gz");
				long[] written = writeObject(file, lines);
				s3.putObject((r) -> r.bucket(prefix.bucket()).key(key).contentType("application/gzip"),
						RequestBody.fromFile(file));
				long size = Files.size(file);
				Files.delete(file);
				keys.add(key);
				items += written[0];
				bytes += written[1];
				compressed += size;
				ObjectNode entry = objects.addObject();
				entry.put("key", key).put("items", written[0]).put("uncompressedBytes", written[1]).put("bytes", size);
				logger.debug("Uploaded [object={}, items={}, bytes={}]", prefix.url(key), written[0], size);
			}
			deleteOthers(table, keys);
			ObjectNode manifest = JSON.createObjectNode();
			manifest.put("table", table)
				.put("format", "DYNAMODB_JSON")
				.put("compression", "GZIP")
				.put("items", items)
				.put("uncompressedBytes", bytes)
				.set("objects", objects);
			s3.putObject((r) -> r.bucket(prefix.bucket()).key(prefix.manifestKey(table)),
					RequestBody.fromBytes(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest)));
			return new Upload(table, keys.size(), items, bytes, compressed);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Cannot write the import objects of table " + table + " in " + scratch + ": " + ex.getMessage(),
					ex);
		}
	}

	/** Writes lines into a gzip file until the bound; returns items and bytes. */
	private long[] writeObject(Path file, Iterator<String> lines) throws IOException {
		long items = 0;
		long bytes = 0;
		try (OutputStream out = new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(file), 64 * 1024),
				64 * 1024)) {
			while (lines.hasNext() && (items == 0 || bytes < maxObjectBytes)) {
				// encoded once, for writing and for counting
				byte[] line = lines.next().getBytes(StandardCharsets.UTF_8);
				out.write(line);
				out.write('\n');
				items++;
				bytes += line.length + 1;
			}
		}
		return new long[] { items, bytes };
	}

	private void deleteOthers(String table, Set<String> keep) {
		List<String> others = new ArrayList<>();
		s3.listObjectsV2Paginator((r) -> r.bucket(prefix.bucket()).prefix(prefix.dataPrefix(table)))
			.contents()
			.stream()
			.map(S3Object::key)
			.filter((key) -> !keep.contains(key))
			.forEach(others::add);
		for (String key : others) {
			s3.deleteObject((r) -> r.bucket(prefix.bucket()).key(key));
		}
	}

}
