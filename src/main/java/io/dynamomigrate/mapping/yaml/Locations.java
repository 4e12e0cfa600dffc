package io.dynamomigrate.mapping.yaml;

import java.util.IdentityHashMap;
import java.util.Map;

import io.dynamomigrate.mapping.model.Location;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Where each table, key, index, item and attribute of a mapping file was written, by
 * identity, for the validator's messages. Not thread-safe (one instance per file).
 */
final class Locations {

	private final Map<Object, Location> byObject = new IdentityHashMap<>();

	/**
	 * Remembers that {@code spec} was written at {@code node}'s position, and returns it.
	 */
	<T> T put(T spec, @Nullable Node node) {
		byObject.put(spec, YamlNodes.location(node));
		return spec;
	}

	/** The positions, by identity of what was read. */
	Map<Object, Location> asMap() {
		return byObject;
	}

}
