package io.dynamomigrate.mapping;

import java.math.BigDecimal;

import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.model.RejectLimit;
import io.dynamomigrate.mapping.validation.InvalidMappingException;
import io.dynamomigrate.mapping.yaml.MappingLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RejectLimitTests {

	@Test
	void count_isExceededByOneMore() {
		RejectLimit limit = RejectLimit.parse("100");
		assertThat(limit.count()).isEqualTo(100);
		assertThat(limit.exceeded(100, 1_000_000)).isFalse();
		assertThat(limit.exceeded(101, 1_000_000)).isTrue();
	}

	@Test
	void percentage_isOfTheRecordsRead() {
		RejectLimit limit = RejectLimit.parse("1.5%");
		assertThat(limit.percent()).isEqualByComparingTo(new BigDecimal("1.5"));
		assertThat(limit.exceeded(15, 1_000)).isFalse();
		assertThat(limit.exceeded(16, 1_000)).isTrue();
		assertThat(limit.toString()).isEqualTo("1.5%");
	}

	@Test
	void zero_allowsNoReject_andNoneAllowsAny() {
		assertThat(RejectLimit.parse("0").exceeded(1, 10)).isTrue();
		assertThat(RejectLimit.parse("0%").exceeded(1, 10)).isTrue();
		assertThat(RejectLimit.NONE.exceeded(Long.MAX_VALUE, 1)).isFalse();
		assertThat(RejectLimit.NONE.isLimited()).isFalse();
	}

	@Test
	void badValues_sayWhatIsAllowed() {
		assertThatIllegalArgumentException().isThrownBy(() -> RejectLimit.parse("-1"))
			.withMessageContaining("negative");
		assertThatIllegalArgumentException().isThrownBy(() -> RejectLimit.parse("101%"))
			.withMessageContaining("0% to 100%");
		assertThatIllegalArgumentException().isThrownBy(() -> RejectLimit.parse("many"))
			.withMessageContaining("a count (100) or a percentage (\"1%\")");
	}

	@Test
	void loader_readsMaxRejects_andReportsABadOneWithItsPosition() {
		String mapping = """
				name: m
				source: { url: "jdbc:h2:mem:x" }
				tables:
				  - { name: events, partitionKey: { name: id, type: N } }
				items:
				  - name: a
				    table: events
				    source: { table: a, key: [id] }
				    maxRejects: "2%"
				    attributes: { id: "${id}" }
				""";
		MappingSpec spec = new MappingLoader().load(java.nio.file.Path.of("m.yml"), mapping);
		assertThat(spec.items().get(0).maxRejects().percent()).isEqualByComparingTo("2");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(
					() -> new MappingLoader().load(java.nio.file.Path.of("m.yml"), mapping.replace("\"2%\"", "lots")))
			.isInstanceOf(InvalidMappingException.class)
			.hasMessageContaining("m.yml:9:17")
			.hasMessageContaining("maxRejects must be a count");
	}

}
