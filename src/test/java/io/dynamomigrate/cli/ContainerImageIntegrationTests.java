package io.dynamomigrate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The container image that the build writes at package (jib-maven-plugin's buildTar,
 * target/jib-image.tar, the tarball `docker load -i` reads): its manifest and config name
 * the jlink'ed runtime and the CLI's main class, and its layers, unpacked into a root
 * file system, run `--help` there the way a container runtime would: chroot into it, only
 * the image's environment, the image's entrypoint.
 */
class ContainerImageIntegrationTests {

	private static final Path TARBALL = Path.of("target", "jib-image.tar");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path work;

	@Test
	void theTarballNamesTheRuntimeAndTheMainClassAndItsLayersRunHelp() throws Exception {
		assertThat(TARBALL).as("the image tarball the package phase builds").exists();
		Path image = Files.createDirectory(this.work.resolve("image"));
		run(List.of("tar", "-xf", TARBALL.toAbsolutePath().toString(), "-C", image.toString()));

		JsonNode manifest = JSON.readTree(image.resolve("manifest.json").toFile()).get(0);
		assertThat(manifest.get("RepoTags").get(0).asString()).startsWith("dynamo-migrate:");
		JsonNode config = JSON.readTree(image.resolve(manifest.get("Config").asString()).toFile()).get("config");
		List<String> entrypoint = strings(config.get("Entrypoint"));
		assertThat(entrypoint).containsExactly("/opt/java/bin/java", "-cp", "@/app/jib-classpath-file",
				DynamoMigrate.class.getName());

		Path rootfs = Files.createDirectory(this.work.resolve("rootfs"));
		for (JsonNode layer : manifest.get("Layers")) {
			run(List.of("tar", "-xzf", image.resolve(layer.asString()).toString(), "-C", rootfs.toString()));
		}
		assertThat(rootfs.resolve("opt/java/bin/java")).isExecutable();

		// chroot needs root; where the tests do not run as root the image's contents were
		// checked above.
		assumeThat(System.getProperty("user.name")).as("chroot needs root").isEqualTo("root");
		List<String> command = new ArrayList<>(List.of("chroot", rootfs.toString()));
		command.addAll(entrypoint);
		command.add("--help");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().clear();
		for (String variable : strings(config.get("Env"))) {
			int equals = variable.indexOf('=');
			builder.environment().put(variable.substring(0, equals), variable.substring(equals + 1));
		}
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("Usage: dynamo-migrate").contains("worker").contains("run").contains("schedule");
	}

	private static List<String> strings(JsonNode array) {
		List<String> strings = new ArrayList<>();
		array.forEach((element) -> strings.add(element.asString()));
		return strings;
	}

	private static void run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
	}

}
