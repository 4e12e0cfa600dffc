package io.dynamomigrate.source.jdbc;

/** The source database cannot be reached or read. */
public class SourceUnavailableException extends RuntimeException {

	public SourceUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
