package io.dynamomigrate.mapping;

import java.nio.file.Path;

import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.validation.InvalidMappingException;
import io.dynamomigrate.mapping.yaml.MappingLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartitionsMappingTests {

	private static final String MAPPING = """
			name: m
			source: { url: "jdbc:h2:mem:x" }
			tables:
			  - { name: events, partitionKey: { name: id, type: N } }
			items:
			  - name: a
			    table: events
			    source: { table: a, key: [KEY] }
			    partitions: PARTITIONS
			    attributes: { id: "${id}" }
			""";

	@Test
	void partitions_isRead_andDefaultsToOne() {
		MappingSpec spec = new MappingLoader().load(Path.of("m.yml"),
				MAPPING.replace("KEY", "id").replace("PARTITIONS", "4"));
		assertThat(spec.items().get(0).partitions()).isEqualTo(4);
		MappingSpec plain = new MappingLoader().load(Path.of("m.yml"),
				MAPPING.replace("KEY", "id").replace("    partitions: PARTITIONS\n", ""));
		assertThat(plain.items().get(0).partitions()).isEqualTo(1);
	}

	@Test
	void partitions_withACompositeKey_isAnErrorAtItsPosition() {
		assertThatThrownBy(() -> new MappingLoader().load(Path.of("m.yml"),
				MAPPING.replace("KEY", "id, seq").replace("PARTITIONS", "4")))
			.isInstanceOf(InvalidMappingException.class)
			.hasMessageContaining("m.yml:9:17")
			.hasMessageContaining("`partitions` needs a database source with a single-column key");
	}

	@Test
	void partitions_outOfRange_isAnError() {
		assertThatThrownBy(() -> new MappingLoader().load(Path.of("m.yml"),
				MAPPING.replace("KEY", "id").replace("PARTITIONS", "0")))
			.isInstanceOf(InvalidMappingException.class)
			.hasMessageContaining("partitions must be a whole number from 1 to 256");
	}

}
