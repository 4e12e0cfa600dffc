package io.dynamomigrate.mapping.model;

import java.util.List;

/**
 * One item definition: a source, the table its items go to, and how a record becomes an
 * item. Each item definition runs as one step of the migration job.
 *
 * @param name the definition's name (also the step name)
 * @param table the target table's name
 * @param source where the records come from
 * @param attributes the attributes of each item, key attributes included
 * @param embeds list attributes filled from child rows
 * @param onDuplicateKey how duplicate keys inside one chunk are resolved
 * @param chunkSize records per chunk (one transaction of the job repository)
 * @param maxRejects how many rejects fail the step ({@link RejectLimit#NONE} by default)
 * @param rules the row filter, unmapped columns and optional index keys
 * @param partitions key ranges of a JDBC source read concurrently, each restartable on
 * its own (1 = not partitioned)
 * @param changes incremental reading and deletes, for scheduled runs
 */
public record ItemSpec(String name, String table, SourceSpec source, List<AttributeSpec> attributes,
		List<EmbedSpec> embeds, DuplicateKeyPolicy onDuplicateKey, int chunkSize, RejectLimit maxRejects,
		ItemRules rules, int partitions, ChangeSpec changes) {

	public ItemSpec {
		attributes = List.copyOf(attributes);
		embeds = List.copyOf(embeds);
	}

	/** A copy that reads from another source (the same definition otherwise). */
	public ItemSpec withSource(SourceSpec source) {
		return new ItemSpec(name, table, source, attributes, embeds, onDuplicateKey, chunkSize, maxRejects, rules,
				partitions, changes);
	}

	/**
	 * This definition as its tombstone step runs it: named after the step, reading the
	 * tombstones with one reader, no embeddings, and duplicate tombstones of a chunk
	 * resolved by keeping the last.
	 * @throws IllegalStateException when the definition has no tombstones
	 */
	public ItemSpec forTombstones() {
		if (changes.tombstones() == null) {
			throw new IllegalStateException("The item definition " + name + " has no tombstones");
		}
		return new ItemSpec(deletesStepName(), table, changes.tombstones().source(), attributes, List.of(),
				DuplicateKeyPolicy.LAST_WINS, chunkSize, maxRejects, rules, 1, changes);
	}

	/**
	 * The name of the step that deletes the keys listed in this definition's tombstones.
	 */
	public String deletesStepName() {
		return name + ".deletes";
	}

}
