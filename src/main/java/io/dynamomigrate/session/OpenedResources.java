package io.dynamomigrate.session;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a session opened, closed in the reverse order: the last opened first. Every
 * resource is closed, also when an earlier one fails to close; the first failure is
 * thrown with the others suppressed. Not thread-safe.
 */
final class OpenedResources implements AutoCloseable {

	private final Deque<AutoCloseable> opened = new ArrayDeque<>();

	/** Remembers a resource to close; returns it. */
	<T extends AutoCloseable> T add(T resource) {
		opened.push(resource);
		return resource;
	}

	@Override
	public void close() throws Exception {
		Exception failure = null;
		while (!opened.isEmpty()) {
			try {
				opened.pop().close();
			}
			catch (Exception ex) {
				if (failure == null) {
					failure = ex;
				}
				else {
					failure.addSuppressed(ex);
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

}
