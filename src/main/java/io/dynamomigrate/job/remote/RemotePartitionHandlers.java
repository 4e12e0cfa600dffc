package io.dynamomigrate.job.remote;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.dynamomigrate.job.PartitionHandlers;
import io.dynamomigrate.mapping.model.ItemSpec;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.integration.amqp.outbound.AmqpOutboundEndpoint;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.core.MessagingTemplate;

/**
 * The manager's side of remote partitioning: each partitioned step gets Spring Batch
 * Integration's {@link MessageChannelPartitionHandler}, which splits the step as a local
 * run does, sends one {@code StepExecutionRequest} per partition to the broker's queue
 * (through {@code spring-integration-amqp}'s {@link AmqpOutboundEndpoint}), and follows
 * the partitions by polling the job repository until every one has ended or the timeout
 * passes. While it polls, a {@link PartitionWatchdog} fails the partitions whose worker
 * stopped beating. Closing it closes the broker connection. Thread-safe.
 */
public final class RemotePartitionHandlers implements PartitionHandlers, AutoCloseable {

	/** How often the manager polls the job repository. */
	static final Duration POLL = Duration.ofSeconds(1);

	private final Broker broker;

	private final CachingConnectionFactory connections;

	private final JobRepository jobRepository;

	private final WorkerRegistry workers;

	private final Timeouts timeouts;

	private final AnnotationConfigApplicationContext integration = IntegrationContext.start();

	/**
	 * Connects to the broker and declares the queue.
	 * @throws IllegalStateException (one sentence) when the broker cannot be reached
	 */
	public RemotePartitionHandlers(Broker broker, JobRepository jobRepository, WorkerRegistry workers,
			Timeouts timeouts) {
		this.broker = broker;
		this.connections = broker.connectionFactory();
		try {
			broker.declare(connections);
		}
		catch (RuntimeException ex) {
			connections.destroy();
			integration.close();
			throw ex;
		}
		this.jobRepository = jobRepository;
		this.workers = workers;
		this.timeouts = timeouts;
	}

	/** How many workers of the queue beat within the worker timeout. */
	public int liveWorkers() {
		return workers.live(broker.queue(), timeouts.worker());
	}

	@Override
	public PartitionHandler handler(ItemSpec item, Function<StepExecution, Step> workers) {
		AmqpOutboundEndpoint endpoint = new AmqpOutboundEndpoint(new RabbitTemplate(connections));
		endpoint.setRoutingKey(broker.queue());
		endpoint.setBeanFactory(integration.getBeanFactory());
		endpoint.afterPropertiesSet();
		DirectChannel requests = new DirectChannel();
		requests.subscribe(endpoint);
		MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
		handler.setStepName(item.name());
		handler.setGridSize(item.partitions());
		handler.setMessagingOperations(new MessagingTemplate(requests));
		handler.setJobRepository(jobRepository);
		handler.setPollInterval(POLL.toMillis());
		handler.setTimeout(timeouts.run().toMillis());
		try {
			handler.afterPropertiesSet();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot set up remote partitioning: " + ex.getMessage(), ex);
		}
		return new Watched(handler);
	}

	@Override
	public void close() {
		connections.destroy();
		integration.close();
	}

	/** Remote partitions with a watchdog on their workers' heartbeats. */
	private final class Watched implements PartitionHandler {

		private final MessageChannelPartitionHandler handler;

		Watched(MessageChannelPartitionHandler handler) {
			this.handler = handler;
		}

		@Override
		public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution manager)
				throws Exception {
			ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "partition-watchdog");
				thread.setDaemon(true);
				return thread;
			});
			watch.scheduleWithFixedDelay(new PartitionWatchdog(jobRepository, workers, timeouts.worker(), manager),
					POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
			try {
				return handler.handle(splitter, manager);
			}
			catch (TimeoutException ex) {
				throw new IllegalStateException("The partitions of step " + manager.getStepName()
						+ " did not end within --partition-timeout " + timeouts.run().toSeconds() + " s; `restart` "
						+ "continues them after their last committed chunks.", ex);
			}
			finally {
				watch.shutdownNow();
			}
		}

	}

	/**
	 * How long the manager waits.
	 *
	 * @param worker how long a worker may be silent before its partitions fail
	 * @param run how long a partitioned step may take in all
	 */
	public record Timeouts(Duration worker, Duration run) {

		/** 30 seconds of silence; a week in all. */
		public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(30), Duration.ofDays(7));

	}

}
