package io.dynamomigrate.job;

/**
 * {@code restart} cannot continue an execution: there is none to continue, it is still
 * running, or the mapping file changed since it started. The message says why and what to
 * do instead.
 */
public class RestartRefusedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public RestartRefusedException(String message) {
		super(message);
	}

}
