package io.dynamomigrate.mapping.model;

import org.jspecify.annotations.Nullable;

/**
 * Where the target tables live.
 *
 * @param endpoint an endpoint URL, {@code local} for a dynalite server started by the
 * tool, or null for AWS
 * @param region the region, or null for the default region chain
 */
public record DynamoDbSpec(@Nullable String endpoint, @Nullable String region) {

	/** The endpoint value that asks for the local dynalite server. */
	public static final String LOCAL = "local";

}
