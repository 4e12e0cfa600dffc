package io.dynamomigrate.cli;

import java.nio.file.Path;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.util.FileSize;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Where a command's log goes while it runs. Every event, with its stack trace, goes to
 * the log file ({@code <state-dir>/logs/dynamo-migrate.log}, appended to by every command
 * and process that uses the state dir, each line with the process id; rolled over at 10
 * MB, three old files kept). The console (standard error, the {@code STDERR} appender of
 * {@code logback.xml}) shows messages only: no stack traces, and not Spring Batch's ERROR
 * lines about a failing step, which the run summary says in a sentence. With
 * {@code --verbose} the console shows both, as the file does. {@link #close()} detaches
 * the file and restores the console. Thread-safe.
 */
final class CommandLog implements AutoCloseable {

	/** The log file's name in {@code <state-dir>/logs}. */
	static final String FILE_NAME = "dynamo-migrate.log";

	private static final String CONSOLE = "STDERR";

	private static final String VERBOSE_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";

	private final @Nullable Logger root;

	private final @Nullable RollingFileAppender<ILoggingEvent> file;

	private final Runnable restoreConsole;

	private CommandLog(@Nullable Logger root, @Nullable RollingFileAppender<ILoggingEvent> file,
			Runnable restoreConsole) {
		this.root = root;
		this.file = file;
		this.restoreConsole = restoreConsole;
	}

	/**
	 * Sends the log to {@code file} as well, and shows stack traces on the console when
	 * {@code verbose}.
	 */
	static CommandLog open(Path file, boolean verbose) {
		if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
			return new CommandLog(null, null, () -> {
			}); // another SLF4J binding (embedding): its own configuration decides
		}
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		RollingFileAppender<ILoggingEvent> appender = fileAppender(context, file.toAbsolutePath());
		root.addAppender(appender);
		Appender<ILoggingEvent> console = root.getAppender(CONSOLE);
		Runnable restore = () -> {
		};
		if (console instanceof OutputStreamAppender<ILoggingEvent> stream && verbose) {
			var previous = stream.getEncoder();
			stream.setEncoder(encoder(context, VERBOSE_PATTERN));
			restore = () -> stream.setEncoder(previous);
		}
		else if (console != null && !verbose) {
			Filter<ILoggingEvent> quiet = new StepFailureFilter();
			quiet.start();
			console.addFilter(quiet);
			restore = () -> {
				List<Filter<ILoggingEvent>> others = console.getCopyOfAttachedFiltersList();
				others.remove(quiet);
				console.clearAllFilters();
				others.forEach(console::addFilter);
			};
		}
		return new CommandLog(root, appender, restore);
	}

	/**
	 * Writes a failure the command ends with, and its stack trace, to the log file only.
	 */
	void failure(String message, Throwable ex) {
		if (root != null && file != null) {
			file.doAppend(new LoggingEvent(CommandLog.class.getName(), root, Level.ERROR, message, ex, null));
		}
	}

	@Override
	public void close() {
		restoreConsole.run();
		if (root != null && file != null) {
			root.detachAppender(file);
			file.stop();
		}
	}

	private static RollingFileAppender<ILoggingEvent> fileAppender(LoggerContext context, Path file) {
		RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
		appender.setContext(context);
		appender.setName("file-" + System.identityHashCode(appender));
		appender.setFile(file.toString());
		appender.setAppend(true);
		FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
		rolling.setContext(context);
		rolling.setParent(appender);
		rolling.setFileNamePattern(file + ".%i");
		rolling.setMinIndex(1);
		rolling.setMaxIndex(3);
		SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
		trigger.setContext(context);
		trigger.setMaxFileSize(FileSize.valueOf("10MB"));
		appender.setRollingPolicy(rolling);
		appender.setTriggeringPolicy(trigger);
		appender.setEncoder(encoder(context, "%d{yyyy-MM-dd HH:mm:ss.SSS} [pid " + ProcessHandle.current().pid()
				+ "] %-5level [%thread] %logger - %msg%n"));
		rolling.start();
		trigger.start();
		appender.start();
		return appender;
	}

	private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(context);
		encoder.setPattern(pattern);
		encoder.start();
		return encoder;
	}

	/**
	 * Leaves Spring Batch's ERROR lines about a failing chunk or step, and the fleet's
	 * about a failing entry (whose root cause the fleet prints), off the console.
	 */
	private static final class StepFailureFilter extends Filter<ILoggingEvent> {

		@Override
		public FilterReply decide(ILoggingEvent event) {
			return event.getLevel() == Level.ERROR && (event.getLoggerName().startsWith("org.springframework.batch.")
					|| event.getLoggerName().startsWith("io.dynamomigrate.fleet.")) ? FilterReply.DENY
							: FilterReply.NEUTRAL;
		}

	}

}
