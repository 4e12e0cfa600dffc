package io.dynamomigrate.mapping;

import java.util.List;

/**
 * One item definition: a source, the table its items go to, and how a record becomes an item. Each item
 * definition runs as one step of the migration job.
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
 * @param partitions key ranges of a JDBC source read concurrently, each restartable on its own (1 = not
 * partitioned)
 */
public record ItemSpec(String name, String table, SourceSpec source, List<AttributeSpec> attributes,
		List<EmbedSpec> embeds, DuplicateKeyPolicy onDuplicateKey, int chunkSize, RejectLimit maxRejects,
		ItemRules rules, int partitions) {

	public ItemSpec {
		attributes = List.copyOf(attributes);
		embeds = List.copyOf(embeds);
	}

	/** An item definition without a reject limit. */
	public ItemSpec(String name, String table, SourceSpec source, List<AttributeSpec> attributes,
			List<EmbedSpec> embeds, DuplicateKeyPolicy onDuplicateKey, int chunkSize) {
		this(name, table, source, attributes, embeds, onDuplicateKey, chunkSize, RejectLimit.NONE);
	}

	/** An item definition with default {@link ItemRules}. */
	public ItemSpec(String name, String table, SourceSpec source, List<AttributeSpec> attributes,
			List<EmbedSpec> embeds, DuplicateKeyPolicy onDuplicateKey, int chunkSize, RejectLimit maxRejects) {
		this(name, table, source, attributes, embeds, onDuplicateKey, chunkSize, maxRejects, ItemRules.DEFAULT);
	}

	/** An item definition that is not partitioned. */
	public ItemSpec(String name, String table, SourceSpec source, List<AttributeSpec> attributes,
			List<EmbedSpec> embeds, DuplicateKeyPolicy onDuplicateKey, int chunkSize, RejectLimit maxRejects,
			ItemRules rules) {
		this(name, table, source, attributes, embeds, onDuplicateKey, chunkSize, maxRejects, rules, 1);
	}

}
