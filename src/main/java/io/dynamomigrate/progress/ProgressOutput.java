package io.dynamomigrate.progress;

/**
 * Where progress goes: a terminal's bars or log lines. Called from the reporter's thread
 * only.
 */
interface ProgressOutput extends AutoCloseable {

	/** A step wrote since the last tick. */
	void update(ProgressLine line);

	/** A step has not written for a while (done, or waiting); its bar may be closed. */
	void idle(String step);

	@Override
	void close();

}
