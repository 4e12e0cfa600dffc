package io.dynamomigrate.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * The console log, set up in code (found by logback through
 * {@code META-INF/services/ch.qos.logback.classic.spi.Configurator}) rather than from an
 * XML file, which costs about half a second of start-up to parse: dynamo-migrate prints
 * its own progress and summary, and libraries speak only when something is wrong. The
 * appender {@value #APPENDER} writes to standard error, messages without stack traces;
 * {@code io.dynamomigrate} logs at INFO, everything else at WARN. Commands with a state
 * dir add the log file ({@link CommandLog}).
 */
public final class ConsoleLogConfigurator extends ContextAwareBase implements Configurator {

	/** The console appender's name. */
	static final String APPENDER = "STDERR";

	@Override
	public ExecutionStatus configure(LoggerContext context) {
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(context);
		encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n%nopex");
		encoder.start();
		ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
		console.setContext(context);
		console.setName(APPENDER);
		console.setTarget("System.err");
		console.setEncoder(encoder);
		console.start();
		ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
		root.setLevel(Level.WARN);
		root.addAppender(console);
		context.getLogger("io.dynamomigrate").setLevel(Level.INFO);
		return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
	}

}
