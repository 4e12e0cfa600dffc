package io.dynamomigrate.job;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The mapping an execution runs, as its job execution context keeps it (secrets redacted,
 * saved by the manager before the first step) with the SHA-256 of that text: a remote
 * worker builds its partitions' steps from it, after checking the checksum.
 */
public final class RecordedMapping {

	/** Job execution context key: the SHA-256 of the recorded (redacted) mapping text. */
	static final String SHA256 = "dynamo-migrate.mapping.text.sha256";

	private RecordedMapping() {
	}

	/**
	 * The recorded mapping text of an execution.
	 * @throws IllegalArgumentException in one sentence, when the execution has no mapping
	 * text or the text does not match its checksum
	 */
	public static String text(JobExecution execution) {
		ExecutionContext context = execution.getExecutionContext();
		if (!context.containsKey(ExecutionRecorder.MAPPING_TEXT) || !context.containsKey(SHA256)) {
			throw new IllegalArgumentException("Execution " + execution.getId() + " has no mapping text in the job "
					+ "repository (was it started by dynamo-migrate run --distributed?); this worker cannot run it.");
		}
		String text = context.getString(ExecutionRecorder.MAPPING_TEXT);
		String expected = context.getString(SHA256);
		String actual = sha256(text);
		if (!expected.equals(actual)) {
			throw new IllegalArgumentException(
					"The mapping text of execution " + execution.getId() + " does not match its checksum (SHA-256 "
							+ actual + ", recorded " + expected + "); this worker refused its partition.");
		}
		return text;
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
