package io.dynamomigrate.job.remote;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;

import com.rabbitmq.client.Channel;
import io.dynamomigrate.job.PartitionSteps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.integration.amqp.inbound.AmqpInboundChannelAdapter;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.messaging.Message;

/**
 * A long-lived worker: takes partition requests from the broker's queue
 * ({@code spring-integration-amqp}'s {@link AmqpInboundChannelAdapter}, one request at a
 * time per consumer: prefetch 1) and runs them ({@link PartitionRequests}), registered
 * with a heartbeat in the job repository ({@link WorkerRegistry}). A request is
 * acknowledged when its partition starts: a worker that dies then leaves the partition
 * {@code STARTED} without heartbeat, and the manager fails it (the broker does not hand
 * it to another worker, which would run it twice at once). {@link #stop()} gives back the
 * requests not started, lets the running partitions finish their chunk in flight (they
 * end {@code STOPPED}) and waits for them. Thread-safe.
 */
public final class RemoteWorker implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RemoteWorker.class);

	private final CachingConnectionFactory connections;

	private final WorkerRegistry registry;

	private final PartitionRequests requests;

	private final SimpleMessageListenerContainer container;

	private final AmqpInboundChannelAdapter adapter;

	private final AnnotationConfigApplicationContext integration = IntegrationContext.start();

	private final ScheduledExecutorService shares = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "write-budget-share");
		thread.setDaemon(true);
		return thread;
	});

	private RemoteWorker(CachingConnectionFactory connections, WorkerRegistry registry, PartitionRequests requests,
			SimpleMessageListenerContainer container) {
		this.connections = connections;
		this.registry = registry;
		this.requests = requests;
		this.container = container;
		this.adapter = new AmqpInboundChannelAdapter(container);
	}

	/**
	 * Connects to the broker, registers and starts taking requests.
	 * @param concurrency how many partitions this worker runs at once
	 * @param jobs the worker steps of an execution's partitions
	 * @throws IllegalStateException (one sentence) when the broker cannot be reached
	 */
	public static RemoteWorker start(Broker broker, JobRepository jobRepository, DataSource repository, int concurrency,
			Function<JobExecution, PartitionSteps> jobs) {
		CachingConnectionFactory connections = broker.connectionFactory();
		try {
			broker.declare(connections);
		}
		catch (RuntimeException ex) {
			connections.destroy();
			throw ex;
		}
		WorkerRegistry registry = WorkerRegistry.register(repository, broker.queue());
		SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
		container.setQueueNames(broker.queue());
		container.setPrefetchCount(1);
		container.setConcurrentConsumers(concurrency);
		container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
		container.setShutdownTimeout(Long.MAX_VALUE / 2);
		RemoteWorker worker = new RemoteWorker(connections, registry,
				new PartitionRequests(jobRepository, registry, jobs), container);
		worker.listen();
		logger.info("Worker started [broker={}, worker={}, concurrency={}]", broker, registry.id(), concurrency);
		return worker;
	}

	private void listen() {
		SimpleMessageConverter converter = new SimpleMessageConverter();
		converter.setAllowedListPatterns(List.of(StepExecutionRequest.class.getName(), "java.lang.*"));
		adapter.setMessageConverter(converter);
		DirectChannel channel = new DirectChannel();
		channel.subscribe(this::receive);
		adapter.setOutputChannel(channel);
		adapter.setBeanFactory(integration.getBeanFactory());
		adapter.afterPropertiesSet();
		adapter.start();
		long refresh = PartitionRequests.SHARE_REFRESH.toMillis();
		shares.scheduleWithFixedDelay(this::refreshShares, refresh, refresh, TimeUnit.MILLISECONDS);
	}

	private void receive(Message<?> message) {
		Channel channel = message.getHeaders().get(AmqpHeaders.CHANNEL, Channel.class);
		Long tag = message.getHeaders().get(AmqpHeaders.DELIVERY_TAG, Long.class);
		try {
			if (channel != null && tag != null) {
				if (requests.stopping()) {
					channel.basicReject(tag, true);
					return;
				}
				channel.basicAck(tag, false);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot acknowledge a partition request: " + ex.getMessage(), ex);
		}
		if (message.getPayload() instanceof StepExecutionRequest request) {
			requests.handle(request);
		}
		else {
			logger.warn("Not a partition request; dropped [payload={}]", message.getPayload().getClass().getName());
		}
	}

	private void refreshShares() {
		try {
			requests.refreshShares();
		}
		catch (RuntimeException ex) {
			logger.warn("Cannot re-divide the write budget: {}", ex.getMessage());
		}
	}

	/** This worker's id in the registry. */
	public String id() {
		return registry.id();
	}

	/** How many partitions run now. */
	public int running() {
		return requests.running();
	}

	/**
	 * Gives back the requests not started, lets the running partitions finish their chunk
	 * in flight and end {@code STOPPED}, and waits for them.
	 */
	public void stop() {
		requests.stopAll();
		adapter.stop();
	}

	@Override
	public void close() {
		stop();
		shares.shutdownNow();
		connections.destroy();
		registry.close();
		integration.close();
	}

	@Override
	public String toString() {
		return "worker " + registry.id();
	}

}
