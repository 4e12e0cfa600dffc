package io.dynamomigrate.dynamodb.write;

/**
 * DynamoDB kept returning some items as unprocessed until the retry bound was reached.
 * The chunk is rolled back and the step fails; a restart writes the chunk again (puts are
 * idempotent).
 */
public class UnprocessedItemsException extends RuntimeException {

	public UnprocessedItemsException(String message) {
		super(message);
	}

}
