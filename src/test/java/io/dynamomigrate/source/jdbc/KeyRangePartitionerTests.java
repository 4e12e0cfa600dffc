package io.dynamomigrate.source.jdbc;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.mapping.model.Location;
import io.dynamomigrate.mapping.model.SourceSpec;
import io.dynamomigrate.records.SourceRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Key ranges of real tables (H2): every row is read by exactly one partition's reader.
 */
class KeyRangePartitionerTests {

	private final DriverManagerDataSource dataSource = new DriverManagerDataSource(
			"jdbc:h2:mem:partitions;DB_CLOSE_DELAY=-1", "sa", "");

	@BeforeEach
	void createTables() throws Exception {
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			s.execute("DROP TABLE IF EXISTS nums");
			s.execute("DROP TABLE IF EXISTS texts");
			s.execute("CREATE TABLE nums (id BIGINT PRIMARY KEY)");
			s.execute("INSERT INTO nums SELECT X FROM SYSTEM_RANGE(11, 1010)"); // 1000
																				// rows,
																				// ids
																				// 11..1010
			s.execute("CREATE TABLE texts (code VARCHAR(20) PRIMARY KEY)");
			s.execute(
					"INSERT INTO texts SELECT 'k' || LPAD(CAST(X * 7 % 1000 AS VARCHAR), 4, '0') FROM SYSTEM_RANGE(1, 1000)");
		}
	}

	@Test
	void numericKey_isSplitByMinAndMaxIntoEqualRanges() {
		Map<String, ExecutionContext> partitions = new KeyRangePartitioner(dataSource, source("nums", "id"))
			.partition(4);
		assertThat(partitions).containsOnlyKeys("partition0", "partition1", "partition2", "partition3");
		assertThat(partitions.get("partition0").containsKey(KeyRangePartitioner.LOWER)).isFalse();
		assertThat(partitions.get("partition0").get(KeyRangePartitioner.UPPER)).isEqualTo(261L);
		assertThat(partitions.get("partition1").get(KeyRangePartitioner.LOWER)).isEqualTo(261L);
		assertThat(partitions.get("partition3").containsKey(KeyRangePartitioner.UPPER)).isFalse();
		assertThat(readAll("nums", "id", partitions)).hasSize(1000).doesNotHaveDuplicates();
	}

	@Test
	void textKey_isSplitBySampledBoundaries_intoRangesOfAboutEqualSize() throws Exception {
		Map<String, ExecutionContext> partitions = new KeyRangePartitioner(dataSource, source("texts", "code"))
			.partition(4);
		assertThat(partitions).hasSize(4);
		List<Integer> sizes = new ArrayList<>();
		List<Object> all = new ArrayList<>();
		for (ExecutionContext partition : partitions.values()) {
			List<Object> rows = read("texts", "code", partition);
			sizes.add(rows.size());
			all.addAll(rows);
		}
		assertThat(sizes).containsExactly(250, 250, 250, 250);
		assertThat(all).hasSize(1000).doesNotHaveDuplicates();
	}

	@Test
	void emptyTable_isOnePartition_andCompositeKeysAreRefused() throws Exception {
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			s.execute("DELETE FROM nums");
		}
		assertThat(new KeyRangePartitioner(dataSource, source("nums", "id")).partition(4)).hasSize(1);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new KeyRangePartitioner(dataSource,
					new SourceSpec("nums", null, List.of("a", "b"), null, Location.NONE)))
			.withMessageContaining("single-column key");
	}

	private static SourceSpec source(String table, String key) {
		return new SourceSpec(table, null, List.of(key), null, Location.NONE);
	}

	private List<Object> readAll(String table, String key, Map<String, ExecutionContext> partitions) {
		List<Object> all = new ArrayList<>();
		partitions.values().forEach((p) -> all.addAll(read(table, key, p)));
		return all;
	}

	private List<Object> read(String table, String key, ExecutionContext partition) {
		JdbcPagingItemReader<SourceRecord> reader = new JdbcSourceReaderFactory(dataSource).reader("r",
				source(table, key), 100, partition.get(KeyRangePartitioner.LOWER),
				partition.get(KeyRangePartitioner.UPPER), ReadWindow.ALL);
		List<Object> keys = new ArrayList<>();
		try {
			reader.afterPropertiesSet();
			reader.open(new ExecutionContext());
			for (SourceRecord record = reader.read(); record != null; record = reader.read()) {
				keys.add(record.get(key));
			}
			reader.close();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return keys;
	}

}
