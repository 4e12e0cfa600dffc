package io.dynamomigrate.dynamodb.client;

/** The local DynamoDB endpoint (dynalite) cannot be started. */
public class LocalEndpointUnavailableException extends RuntimeException {

	public LocalEndpointUnavailableException(String message) {
		super(message);
	}

	public LocalEndpointUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
