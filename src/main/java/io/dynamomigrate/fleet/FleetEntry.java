package io.dynamomigrate.fleet;

import io.dynamomigrate.mapping.model.FleetEntrySpec;
import io.dynamomigrate.mapping.model.MappingSpec;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a loaded fleet: what the fleet file says, its job name, and its mapping
 * with the entry's variables and source (named as the job), or null when the mapping has
 * problems. Immutable.
 *
 * @param spec the entry as the fleet file says
 * @param jobName its job's name, {@code <fleet>.<entry>}
 * @param mapping its mapping, or null when it cannot be read
 */
public record FleetEntry(FleetEntrySpec spec, String jobName, @Nullable MappingSpec mapping) {

	/** The entry's name in the fleet. */
	public String name() {
		return spec.name();
	}

}
