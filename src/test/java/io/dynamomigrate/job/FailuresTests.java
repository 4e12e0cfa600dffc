package io.dynamomigrate.job;

import java.io.EOFException;
import java.io.IOException;
import java.util.concurrent.ExecutionException;

import io.dynamomigrate.source.jdbc.SourceUnavailableException;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.step.FatalStepExecutionException;
import org.springframework.batch.core.step.skip.NonSkippableReadException;
import org.springframework.core.retry.RetryException;
import software.amazon.awssdk.core.exception.SdkClientException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message of a failure's cause chain, as the summary's {@code Failure:} sentence says
 * it.
 */
class FailuresTests {

	@Test
	void wrappersAreLeftOut_andAMessageThatAddsSomethingIsKeptWithTheRootCause() {
		Throwable failure = new FatalStepExecutionException("Unable to process chunk",
				new NonSkippableReadException("Skip policy rejected skipping item", new IOException(
						"Cannot read /data/plays.jsonl.gz after record 475: Unexpected end of ZLIB " + "input stream",
						new EOFException("Unexpected end of ZLIB input stream"))));

		assertThat(Failures.message(failure))
			.isEqualTo("Cannot read /data/plays.jsonl.gz after record 475: Unexpected end of ZLIB input stream");
	}

	@Test
	void messagesAlongTheChainAreJoined_andAFutureRepeatingItsCauseIsLeftOut() {
		SdkClientException sdk = SdkClientException.create(
				"Unable to execute HTTP request: Connect to "
						+ "http://127.0.0.1:9 failed: Connection refused (SDK Attempt Count: 10)",
				new IOException("Connect to http://127.0.0.1:9 failed: Connection refused"));
		Throwable failure = new IllegalStateException("Writing chunk 3 of step track",
				new ExecutionException(new RetryException("Retry policy exhausted", sdk)));

		assertThat(Failures.message(failure)).isEqualTo("Writing chunk 3 of step track: Unable to execute HTTP "
				+ "request: Connect to http://127.0.0.1:9 failed: Connection refused (SDK Attempt Count: 10)");
	}

	@Test
	void anExceptionOfDynamoMigratesOwn_endsTheChain_itsMessageSaysTheCause() {
		Throwable failure = new SourceUnavailableException(
				"Cannot open the source database jdbc:postgresql://db/x: "
						+ "Connection to db:5432 refused. Check the URL",
				new IllegalStateException("Failed to initialize pool: " + "Connection to db:5432 refused",
						new IOException("Connection refused")));

		assertThat(Failures.message(failure)).isEqualTo("Cannot open the source database jdbc:postgresql://db/x: "
				+ "Connection to db:5432 refused. Check the URL");
	}

	@Test
	void onlyWrappers_sayTheFirstWrappersMessage_andNoMessageAtAll_theType() {
		assertThat(Failures.message(new FatalStepExecutionException("Unable to process chunk", null)))
			.isEqualTo("Unable to process chunk");
		assertThat(Failures.message(new NullPointerException())).isEqualTo("NullPointerException");
	}

}
