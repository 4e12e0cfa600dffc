package io.dynamomigrate.mapping.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A whole mapping file: one source, the target tables and the item definitions.
 * Immutable.
 *
 * @param name the mapping's name (the job name)
 * @param file the file it was read from
 * @param checksum SHA-256 of the file's content, hex
 * @param source the source database connection
 * @param dynamodb the target endpoint and region
 * @param tables the target tables
 * @param items the item definitions, in step order
 */
public record MappingSpec(String name, Path file, String checksum, ConnectionSpec source, DynamoDbSpec dynamodb,
		List<TableSpec> tables, List<ItemSpec> items) {

	public MappingSpec {
		tables = List.copyOf(tables);
		items = List.copyOf(items);
	}

	/** The table with this name. */
	public Optional<TableSpec> table(String name) {
		return tables.stream().filter((t) -> t.name().equals(name)).findFirst();
	}

	/** A copy with another source connection. */
	public MappingSpec withSource(ConnectionSpec source) {
		return new MappingSpec(name, file, checksum, source, dynamodb, tables, items);
	}

	/**
	 * A copy whose {@code s3://} file sources read through this endpoint
	 * ({@code --s3-endpoint-url}).
	 */
	public MappingSpec withS3EndpointUrl(String url) {
		List<ItemSpec> changed = items.stream().map((item) -> {
			SourceSpec s = item.source();
			if (s.file() == null || !s.file().isS3()) {
				return item;
			}
			SourceSpec source = new SourceSpec(s.table(), s.query(), s.key(), s.where(), s.location(),
					s.file().withS3EndpointUrl(url));
			return item.withSource(source);
		}).toList();
		return new MappingSpec(name, file, checksum, this.source, dynamodb, tables, changed);
	}

}
