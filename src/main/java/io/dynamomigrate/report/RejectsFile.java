package io.dynamomigrate.report;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.dynamomigrate.records.RecordRejectedException;
import io.dynamomigrate.transform.RejectSink;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rejects of one execution, as JSON Lines: one object per rejected record with the
 * step, the record's position (source and key values, or file and line), the reason code,
 * the attribute, a message and the offending value (truncated). Secrets never reach it:
 * only column values and mapping names do. Also counts rejects per step and reason for
 * the summary. Thread-safe.
 */
public final class RejectsFile implements Closeable {

	private final Path directory;

	private final String prefix;

	private Path path;

	private final ObjectMapper json = JsonMapper.builder().build();

	private final Map<String, Map<String, Long>> counts = new TreeMap<>();

	private @Nullable BufferedWriter writer;

	/**
	 * Rejects of a run of the given mapping, written to
	 * {@code directory/<mapping>-<execution>-rejects.jsonl} once
	 * {@link #executionStarted(long)} names the execution.
	 */
	public RejectsFile(Path directory, String mapping) {
		this.directory = directory;
		this.prefix = mapping;
		this.path = directory.resolve(mapping + "-rejects.jsonl");
	}

	/** Names the file after the job execution, before anything is written. */
	public synchronized void executionStarted(long executionId) {
		this.path = directory.resolve(prefix + "-" + executionId + "-rejects.jsonl");
	}

	public synchronized Path path() {
		return path;
	}

	/** A sink that records the rejects of one step. */
	public RejectSink forStep(String step) {
		return (reject) -> write(step, reject);
	}

	private synchronized void write(String step, RecordRejectedException reject) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("step", step);
		line.put("source", reject.getPosition().source());
		line.put("key", reject.getPosition().key());
		line.put("reason", reject.getReason().name());
		line.put("attribute", reject.getAttribute());
		line.put("message", reject.getMessage());
		line.put("value", reject.getValue());
		try {
			if (writer == null) {
				Files.createDirectories(path.toAbsolutePath().getParent());
				writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
						StandardOpenOption.APPEND);
			}
			writer.write(escapeLoneSurrogates(json.writeValueAsString(line)));
			writer.newLine();
			writer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the rejects file " + path, ex);
		}
		counts.computeIfAbsent(step, (s) -> new TreeMap<>()).merge(reject.getReason().name(), 1L, Long::sum);
	}

	/**
	 * JSON text with every unpaired surrogate (a source value can hold one: H2 text, a
	 * value cut by a driver) written as a {@code \\u} escape. Such a character has no
	 * UTF-8 form, so the file's encoder would fail in the middle of the line; escaped,
	 * the line is valid UTF-8 JSON that reads back as the same string. Outside strings
	 * JSON text is ASCII, so every surrogate is inside a string.
	 */
	static String escapeLoneSurrogates(String json) {
		StringBuilder escaped = null;
		for (int i = 0; i < json.length(); i++) {
			char c = json.charAt(i);
			boolean pair = Character.isHighSurrogate(c) && i + 1 < json.length()
					&& Character.isLowSurrogate(json.charAt(i + 1));
			if (pair) {
				if (escaped != null) {
					escaped.append(c).append(json.charAt(i + 1));
				}
				i++;
			}
			else if (Character.isSurrogate(c)) {
				if (escaped == null) {
					escaped = new StringBuilder(json.length() + 16).append(json, 0, i);
				}
				escaped.append(String.format("\\u%04x", (int) c));
			}
			else if (escaped != null) {
				escaped.append(c);
			}
		}
		return escaped == null ? json : escaped.toString();
	}

	/** Rejects of this process by step and reason. */
	public synchronized Map<String, Map<String, Long>> counts() {
		Map<String, Map<String, Long>> copy = new TreeMap<>();
		counts.forEach((step, reasons) -> copy.put(step, new TreeMap<>(reasons)));
		return copy;
	}

	/** Whether any reject was written. */
	public synchronized boolean isEmpty() {
		return writer == null;
	}

	@Override
	public synchronized void close() throws IOException {
		if (writer != null) {
			writer.close();
		}
	}

}
