package io.dynamomigrate.cli;

import io.dynamomigrate.job.remote.Broker;
import io.dynamomigrate.session.SessionRefusedException;
import io.dynamomigrate.job.ExitCodes;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The message broker of remote partitioning, for managers ({@code run --distributed},
 * {@code restart --distributed}) and workers.
 */
final class BrokerOptions {

	static final String BROKER_ENV = "DYNAMO_MIGRATE_BROKER_URL";

	@Option(names = "--broker", paramLabel = "AMQP_URL", defaultValue = "${env:" + BROKER_ENV + "}",
			description = "RabbitMQ broker that carries partition requests: amqp://user:password@host:5672/vhost. "
					+ "Also read from the environment variable " + BROKER_ENV + ".")
	@Nullable String url;

	@Option(names = "--queue", paramLabel = "NAME", defaultValue = Broker.DEFAULT_QUEUE,
			description = "Queue of partition requests; a manager and its workers use the same one "
					+ "(default: ${DEFAULT-VALUE}).")
	String queue = Broker.DEFAULT_QUEUE;

	/** The broker; the command line is refused without one. */
	Broker broker() {
		if (url == null || url.isBlank()) {
			throw new SessionRefusedException(ExitCodes.INVALID,
					"No broker: give --broker amqp://user:password@host:5672/" + " (or set " + BROKER_ENV + ").");
		}
		try {
			return new Broker(url, queue);
		}
		catch (IllegalArgumentException ex) {
			throw new SessionRefusedException(ExitCodes.INVALID, String.valueOf(ex.getMessage()));
		}
	}

}
