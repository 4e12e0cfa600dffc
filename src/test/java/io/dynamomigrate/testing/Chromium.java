package io.dynamomigrate.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless Chromium ({@code /usr/bin/chromium}, Debian package {@code chromium}) that
 * renders an HTML report and returns the DOM it built: the tests of the HTML reports.
 */
public final class Chromium {

	private Chromium() {
	}

	/** The DOM of a rendered HTML file. */
	public static String dom(Path html) throws Exception {
		Path chromium = Path.of("/usr/bin/chromium");
		assertThat(chromium).as("headless Chromium (Debian package chromium) renders the report").exists();
		List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
				"--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
				"--disable-component-update", "--disable-sync",
				"--user-data-dir=" + Files.createTempDirectory("chromium"), "--dump-dom", html.toUri().toString()));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		String dom = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return dom;
	}

}
