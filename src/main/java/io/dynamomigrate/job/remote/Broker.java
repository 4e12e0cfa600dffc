package io.dynamomigrate.job.remote;

import java.net.URI;
import java.net.URISyntaxException;

import io.dynamomigrate.mapping.model.Secret;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * The RabbitMQ broker and queue that carry partition requests from a manager to its
 * workers. The URL is {@code amqp://user:password@host:5672/vhost} (or {@code amqps://});
 * its password never appears in messages ({@link #toString()} redacts it). Immutable.
 *
 * @param url the broker's AMQP URL
 * @param queue the queue of partition requests (durable; declared when missing)
 */
public record Broker(String url, String queue) {

	/** The queue a manager and its workers use when none is given. */
	public static final String DEFAULT_QUEUE = "dynamo-migrate.partitions";

	public Broker {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("--broker: '" + Secret.redactUrl(url)
					+ "' is not a URL. Fix: give amqp://user:password@host:5672/vhost.");
		}
		if (!"amqp".equals(uri.getScheme()) && !"amqps".equals(uri.getScheme()) || uri.getHost() == null) {
			throw new IllegalArgumentException("--broker: '" + Secret.redactUrl(url)
					+ "' is not an AMQP URL. Fix: give amqp://user:password@host:5672/vhost.");
		}
		if (queue.isBlank()) {
			throw new IllegalArgumentException("--queue: give the name of the queue of partition requests.");
		}
	}

	/**
	 * A connection factory of the broker (one connection, cached channels), which the
	 * caller destroys.
	 */
	public CachingConnectionFactory connectionFactory() {
		CachingConnectionFactory factory = new CachingConnectionFactory(URI.create(url));
		factory.setConnectionNameStrategy((f) -> "dynamo-migrate " + ProcessHandle.current().pid());
		return factory;
	}

	/**
	 * Connects and declares the queue (durable, when missing).
	 * @throws IllegalStateException in one sentence, naming the broker, when it cannot be
	 * reached
	 */
	public void declare(CachingConnectionFactory factory) {
		try (Connection connection = factory.createConnection()) {
			new RabbitAdmin(factory).declareQueue(new Queue(queue, true));
		}
		catch (AmqpException ex) {
			throw new IllegalStateException(
					"Cannot reach the message broker at " + this + ": " + rootMessage(ex)
							+ ". Fix: start RabbitMQ there, or give the right --broker (or DYNAMO_MIGRATE_BROKER_URL).",
					ex);
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
	}

	@Override
	public String toString() {
		return Secret.redactUrl(url) + " (queue " + queue + ")";
	}

}
