package io.dynamomigrate.job.remote;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.config.EnableIntegration;

/**
 * The Spring Integration infrastructure (message builder factory, evaluation context,
 * task scheduler) that the AMQP endpoints of a manager or worker are initialised with, in
 * a small context of its own: the batch context stays as it is for every other command.
 */
@Configuration(proxyBeanMethods = false)
@EnableIntegration
class IntegrationContext {

	/** Starts the context; the caller closes it. */
	static AnnotationConfigApplicationContext start() {
		return new AnnotationConfigApplicationContext(IntegrationContext.class);
	}

}
