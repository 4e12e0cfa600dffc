package io.dynamomigrate.progress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress as an INFO log line per active step and tick, for output that is not a
 * terminal.
 */
final class LogProgressOutput implements ProgressOutput {

	private static final Logger logger = LoggerFactory.getLogger(ProgressReporter.class);

	@Override
	public void update(ProgressLine line) {
		logger.info(line.text());
	}

	@Override
	public void idle(String step) {
	}

	@Override
	public void close() {
	}

}
