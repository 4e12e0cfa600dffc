/**
 * Remote partitioning: the partitions of a partitioned step run on worker processes, on
 * any machine, with Spring Batch Integration's {@code MessageChannelPartitionHandler}
 * (manager) and {@code StepExecutionRequestHandler} (workers), requests over RabbitMQ
 * ({@code spring-integration-amqp}), and the shared job repository as the only place the
 * manager learns how the partitions end (it polls it). Workers register with a heartbeat
 * in the repository; the manager fails a partition whose worker stopped beating.
 */
@NullMarked
package io.dynamomigrate.job.remote;

import org.jspecify.annotations.NullMarked;
