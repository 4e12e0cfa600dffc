package io.dynamomigrate.transform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import io.dynamomigrate.mapping.model.ConnectionSpec;
import io.dynamomigrate.mapping.model.ItemSpec;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.yaml.MappingLoader;
import io.dynamomigrate.records.SourceRecord;
import io.dynamomigrate.source.jdbc.EmbeddedRowsLoader;
import io.dynamomigrate.source.jdbc.JdbcSourceReaderFactory;
import io.dynamomigrate.source.jdbc.JdbcSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden test of {@code mappings/music-documents.yml}: the sample rows (a fresh embedded
 * H2 sample database) go through the step's own components (keyset reader, embedded-rows
 * loader, mapping processor), and selected items are compared attribute by attribute with
 * the hand-written DynamoDB JSON in {@code src/test/resources/golden}.
 * {@code MusicDocumentsGoldenIntegrationTests} compares the same files with what dynalite
 * holds after a real run.
 */
class MusicDocumentsGoldenTests {

	static final List<String> GOLDEN = List.of("artist-1", "artist-4", "user-1", "user-2", "playlist-1");

	private static HikariDataSource source;

	private static MappingSpec mapping;

	@BeforeAll
	static void openSample() {
		MappingSpec loaded = new MappingLoader((name) -> null).load(Path.of("mappings/music-documents.yml"));
		ConnectionSpec sample = loaded.source();
		mapping = loaded.withSource(new ConnectionSpec("jdbc:h2:mem:golden-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				sample.user(), sample.password(), sample.init()));
		source = JdbcSources.open(mapping.source(), 2);
	}

	@AfterAll
	static void close() {
		source.close();
	}

	@Test
	void sampleRows_becomeExactlyTheGoldenItems() throws Exception {
		Map<String, Map<String, AttributeValue>> items = new HashMap<>();
		Map<String, int[]> counts = new HashMap<>();
		for (ItemSpec item : mapping.items()) {
			int[] count = new int[2];
			for (MappedItem mapped : map(item, count)) {
				items.put(mapped.item().get("pk").s() + "|" + mapped.item().get("sk").s(), mapped.item());
			}
			counts.put(item.name(), count);
		}

		assertThat(counts.get("artist")).containsExactly(300, 300);
		assertThat(counts.get("user")).containsExactly(200, 200);
		assertThat(counts.get("playlist")).as("read, mapped (the rest filtered: not public)").containsExactly(400, 305);
		for (String name : GOLDEN) {
			Map<String, AttributeValue> expected = GoldenItems.load("music-documents/" + name);
			GoldenItems.assertSameItem(name, expected,
					items.get(expected.get("pk").s() + "|" + expected.get("sk").s()));
		}
		assertThat(items).as("playlist 2 is private: filtered").doesNotContainKey("USER#000027|PL#2");
	}

	/**
	 * Reads a whole item definition in chunks, as its step does; count = {read, mapped}.
	 */
	private static List<MappedItem> map(ItemSpec item, int[] count) throws Exception {
		JdbcPagingItemReader<SourceRecord> reader = new JdbcSourceReaderFactory(source).reader(item.name(),
				item.source(), item.chunkSize());
		reader.afterPropertiesSet();
		reader.open(new ExecutionContext());
		MappingItemProcessor processor = new MappingItemProcessor(
				new ItemMapper(item, mapping.table(item.table()).orElseThrow()));
		EmbeddedRowsLoader children = new EmbeddedRowsLoader(source, item.embeds());
		List<MappedItem> mapped = new ArrayList<>();
		try {
			List<SourceRecord> chunk = new ArrayList<>();
			SourceRecord record;
			do {
				record = reader.read();
				if (record != null) {
					chunk.add(record);
				}
				if (!chunk.isEmpty() && (record == null || chunk.size() == item.chunkSize())) {
					children.beforeChunk(new Chunk<>(chunk));
					for (SourceRecord read : chunk) {
						count[0]++;
						MappedItem result = processor.process(read);
						if (result != null) {
							count[1]++;
							mapped.add(result);
						}
					}
					chunk.clear();
				}
			}
			while (record != null);
		}
		finally {
			reader.close();
		}
		return mapped;
	}

}
