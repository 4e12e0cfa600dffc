package io.dynamomigrate.dynamodb.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import io.dynamomigrate.dynamodb.client.S3Clients;
import io.dynamomigrate.testing.S3Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upload against s3proxy: objects of bounded size that hold every line once, a
 * manifest that lists them, and an upload done again (a restart) that overwrites the same
 * objects and leaves no other object under the table's data prefix.
 */
class ImportUploaderIntegrationTests {

	@TempDir
	Path temp;

	@Test
	void objectsAreBounded_theManifestListsThem_andUploadingAgainLeavesTheSameObjects() throws Exception {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			lines.add("{\"Item\":{\"id\":{\"N\":\"" + i + "\"},\"pad\":{\"S\":\"" + "x".repeat(i % 50) + "\"}}}");
		}
		S3Prefix prefix = S3Prefix.parse("s3://uploads/run");
		try (S3Server s3 = S3Server.start(); S3Client client = S3Clients.create(s3.endpoint().toString(), 2)) {
			s3.createBucket("uploads");
			s3.put("uploads", "run/t/data/part-00099.json.gz", new byte[] { 1 }); // left
																					// by
																					// an
																					// earlier
																					// attempt
			ImportUploader uploader = new ImportUploader(client, prefix, temp, 10_000);

			ImportUploader.Upload first = uploader.upload("t", lines.iterator());
			List<String> keys = keys(client);
			ImportUploader.Upload again = uploader.upload("t", lines.iterator());

			assertThat(first.items()).isEqualTo(1000);
			assertThat(first.objects()).isGreaterThan(5);
			assertThat(keys).hasSize(first.objects()).doesNotContain("run/t/data/part-00099.json.gz");
			List<String> read = new ArrayList<>();
			for (String key : keys) {
				List<String> objectLines = gunzip(
						client.getObjectAsBytes((r) -> r.bucket("uploads").key(key)).asByteArray());
				long bytes = objectLines.stream().mapToLong((l) -> l.getBytes(StandardCharsets.UTF_8).length + 1).sum();
				assertThat(bytes - objectLines.get(objectLines.size() - 1).length() - 1).as("bound, less the last line")
					.isLessThan(10_000);
				read.addAll(objectLines);
			}
			assertThat(read).containsExactlyElementsOf(lines);
			assertThat(again).isEqualTo(first);
			assertThat(keys(client)).as("uploading again overwrites the same objects").isEqualTo(keys);
			String manifest = client.getObjectAsBytes((r) -> r.bucket("uploads").key("run/t/manifest.json"))
				.asUtf8String();
			assertThat(manifest).contains("\"items\" : 1000");
			keys.forEach((key) -> assertThat(manifest).contains("\"" + key + "\""));
		}
	}

	private static List<String> keys(S3Client client) {
		return client.listObjectsV2Paginator((r) -> r.bucket("uploads").prefix("run/t/data/"))
			.contents()
			.stream()
			.map(S3Object::key)
			.sorted()
			.toList();
	}

	private static List<String> gunzip(byte[] bytes) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
			return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
		}
	}

}
