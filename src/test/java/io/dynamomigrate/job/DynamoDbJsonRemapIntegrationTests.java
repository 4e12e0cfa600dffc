package io.dynamomigrate.job;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import io.dynamomigrate.cli.DynamoMigrate;
import io.dynamomigrate.testing.SharedDynalite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A DynamoDB export ({@code {"Item": ...}} per line, gzipped, as DynamoDB's export to S3
 * writes it) re-mapped into another key design through the command line into dynalite:
 * every attribute keeps its exported type (S, N, B, BOOL, NULL, SS, NS, BS, L, M, sets
 * inside maps), without a single declared type.
 */
class DynamoDbJsonRemapIntegrationTests {

	@TempDir
	Path temp;

	@Test
	void exportedItems_keepEveryType_underANewKeyDesign() throws Exception {
		SharedDynalite.deleteAllTables();
		Path export = temp.resolve("export/data/0001.json.gz");
		Files.createDirectories(export.getParent());
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(export))) {
			out.write(("""
					{"Item":{"id":{"N":"7"},"name":{"S":"Ann"},"avatar":{"B":"AAEC"},"active":{"BOOL":true},\
					"gone":{"NULL":true},"tags":{"SS":["a","b"]},"scores":{"NS":["1.50","12345678901234567890.123"]},\
					"blobs":{"BS":["AAE="]},"history":{"L":[{"S":"x"},{"N":"3"}]},\
					"profile":{"M":{"city":{"S":"Oslo"},"langs":{"SS":["no","en"]}}}}}
					{"Item":{"id":{"N":"8"},"name":{"S":"Bo"}}}
					""").getBytes(StandardCharsets.UTF_8));
		}
		Path mapping = temp.resolve("remap.yml");
		Files.writeString(mapping, """
				name: ddb-remap
				tables:
				  - { name: remapped, partitionKey: { name: pk, type: S }, sortKey: { name: sk, type: S } }
				items:
				  - name: users
				    table: remapped
				    source: { file: "export/data/*.json.gz", format: ddb-json, key: [id] }
				    attributes:
				      pk: "USER#${id}"
				      sk: "PROFILE"
				      id: "${id}"
				      name: "${name}"
				      avatar: "${avatar}"
				      active: "${active}"
				      gone: { value: "${gone}", onNull: "null" }
				      tags: "${tags}"
				      scores: "${scores}"
				      blobs: "${blobs}"
				      history: "${history}"
				      profile: "${profile}"
				""");
		StringWriter out = new StringWriter();
		CommandLine cli = DynamoMigrate.commandLine();
		cli.setOut(new PrintWriter(out));
		cli.setErr(new PrintWriter(out));
		int exitCode = cli.execute("run", mapping.toString(), "--endpoint-url", SharedDynalite.endpoint().toString(),
				"--state-dir", temp.resolve("state").toString());
		assertThat(exitCode).as(out.toString()).isEqualTo(ExitCodes.SUCCESS);

		Map<String, AttributeValue> item;
		try (DynamoDbClient client = SharedDynalite.client()) {
			item = client
				.getItem((b) -> b.tableName("remapped")
					.key(Map.of("pk", AttributeValue.fromS("USER#7"), "sk", AttributeValue.fromS("PROFILE"))))
				.item();
			assertThat(client
				.getItem((b) -> b.tableName("remapped")
					.key(Map.of("pk", AttributeValue.fromS("USER#8"), "sk", AttributeValue.fromS("PROFILE"))))
				.item())
				.isEqualTo(Map.of("pk", AttributeValue.fromS("USER#8"), "sk", AttributeValue.fromS("PROFILE"), "id",
						AttributeValue.fromN("8"), "name", AttributeValue.fromS("Bo"), "gone",
						AttributeValue.fromNul(true)));
		}
		assertThat(item.get("id")).isEqualTo(AttributeValue.fromN("7"));
		assertThat(item.get("name")).isEqualTo(AttributeValue.fromS("Ann"));
		assertThat(item.get("avatar")).isEqualTo(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] { 0, 1, 2 })));
		assertThat(item.get("active")).isEqualTo(AttributeValue.fromBool(true));
		assertThat(item.get("gone")).isEqualTo(AttributeValue.fromNul(true));
		assertThat(new HashSet<>(item.get("tags").ss())).containsExactlyInAnyOrder("a", "b");
		assertThat(new HashSet<>(item.get("scores").ns())).containsExactlyInAnyOrder("1.5", "12345678901234567890.123");
		assertThat(item.get("blobs").bs()).containsExactly(SdkBytes.fromByteArray(new byte[] { 0, 1 }));
		assertThat(item.get("history"))
			.isEqualTo(AttributeValue.fromL(List.of(AttributeValue.fromS("x"), AttributeValue.fromN("3"))));
		assertThat(item.get("profile").m().get("city")).isEqualTo(AttributeValue.fromS("Oslo"));
		assertThat(item.get("profile").m().get("langs").ss()).containsExactlyInAnyOrder("no", "en");
		assertThat(item).hasSize(12);
	}

}
