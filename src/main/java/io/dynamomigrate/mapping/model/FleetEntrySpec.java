package io.dynamomigrate.mapping.model;

import java.nio.file.Path;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a fleet: a mapping file, the variables that fill its {@code ${name}}
 * placeholders, and the source connection that replaces the mapping's, if any. Immutable.
 *
 * @param name the entry's name, unique in the fleet
 * @param mapping the mapping file
 * @param variables the entry's variables ({@code shard: 17}), in inventory order
 * @param url the source JDBC URL replacing the mapping's, or null
 * @param user the source user replacing the mapping's, or null
 * @param password the source password replacing the mapping's, or null; never printed
 * @param location where the entry (or its inventory row) was written
 */
public record FleetEntrySpec(String name, Path mapping, Map<String, String> variables, @Nullable String url,
		@Nullable String user, @Nullable Secret password, Location location) {

	public FleetEntrySpec {
		variables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
	}

	/** The entry's job name in the fleet. */
	public String jobName(FleetSpec fleet) {
		return fleet.jobPrefix() + name;
	}

	/** The mapping's source connection with this entry's replacements. */
	public ConnectionSpec connection(ConnectionSpec mapping) {
		return mapping.override(url, user, password);
	}

	@Override
	public String toString() {
		return "FleetEntrySpec[name=" + name + ", mapping=" + mapping + ", variables=" + variables + ", url="
				+ (url == null ? null : Secret.redactUrl(url)) + ", user=" + user + "]";
	}

}
