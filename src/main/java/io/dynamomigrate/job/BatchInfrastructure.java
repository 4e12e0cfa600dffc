package io.dynamomigrate.job;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The Spring Boot context that carries Spring Batch: a JDBC job repository on the given database (an H2 file in
 * the state directory for local runs, PostgreSQL or any Spring Batch-supported database in production), its
 * transaction manager and the {@code JobOperator}, all from Boot's batch auto-configuration. Jobs are built per
 * mapping at run time, never started by Boot itself, and registered in the {@link MapJobRegistry} so that the
 * operator can restart and stop them. Thread-safe.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class BatchInfrastructure {

	/** The registry the JobOperator finds jobs in; jobs built from mappings are registered in it at run time. */
	@Bean
	MapJobRegistry jobRegistry() {
		return new MapJobRegistry();
	}

	/**
	 * Starts the context on a job repository database, creating Spring Batch's tables when missing.
	 * @param url the repository's JDBC URL
	 * @param user the user, or null
	 * @param password the password, or null
	 */
	public static ConfigurableApplicationContext start(String url, @Nullable String user,
			@Nullable String password) {
		DriverManagerDataSource schemaSource = new DriverManagerDataSource(url);
		schemaSource.setUsername(user);
		schemaSource.setPassword(password);
		JobRepositorySchema.ensure(schemaSource);
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", url);
		if (user != null) {
			properties.put("spring.datasource.username", user);
		}
		if (password != null) {
			properties.put("spring.datasource.password", password);
		}
		properties.put("spring.datasource.hikari.pool-name", "job-repository");
		properties.put("spring.datasource.hikari.maximum-pool-size", "4");
		properties.put("spring.batch.job.enabled", "false");
		properties.put("spring.batch.jdbc.initialize-schema", "never");
		properties.put("spring.main.log-startup-info", "false");
		properties.put("spring.jmx.enabled", "false");
		return new SpringApplicationBuilder(BatchInfrastructure.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.registerShutdownHook(false)
			.properties(properties)
			.run();
	}

}
