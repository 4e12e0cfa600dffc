package io.dynamomigrate.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import io.dynamomigrate.mapping.model.ItemSpec;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.yaml.MappingLoader;
import io.dynamomigrate.records.RecordRejectedException;
import io.dynamomigrate.records.SourceRecord;
import io.dynamomigrate.source.file.FileSourceReader;
import io.dynamomigrate.transform.ItemMapper;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Benchmark, not a test (run by {@code bench/jsonl.sh}): streams the first item
 * definition's file source of a mapping through {@link FileSourceReader} and
 * {@link ItemMapper}, as a step's reader and processor do, without writing, and prints
 * items/s, MB/s and the largest heap in use. Not thread-safe.
 */
public final class FileSourceBenchmark {

	private FileSourceBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		MappingSpec mapping = new MappingLoader().load(Path.of(args[0]));
		ItemSpec item = mapping.items().get(0);
		ItemMapper mapper = new ItemMapper(item, mapping.table(item.table()).orElseThrow());
		FileSourceReader reader = new FileSourceReader("bench", item.source().file());
		long bytes = Files.size(Path.of(item.source().file().resolved()));
		long items = 0;
		long rejects = 0;
		long itemBytes = 0;
		long maxHeap = 0;
		Runtime runtime = Runtime.getRuntime();
		long start = System.nanoTime();
		reader.open(new ExecutionContext());
		try {
			while (true) {
				SourceRecord record;
				try {
					record = reader.read();
					if (record == null) {
						break;
					}
					itemBytes += mapper.map(record).sizeBytes();
					items++;
				}
				catch (RecordRejectedException ex) {
					rejects++;
				}
				if ((items & 0xFFFF) == 0) {
					maxHeap = Math.max(maxHeap, runtime.totalMemory() - runtime.freeMemory());
				}
			}
		}
		finally {
			reader.close();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf(
				"%,d items (%,d rejects, %,d item bytes) from %,d MB in %.1f s: %,.0f items/s, %.1f MB/s; "
						+ "max heap in use %d MB of %d MB%n",
				items, rejects, itemBytes, bytes >> 20, seconds, items / seconds, (bytes >> 20) / seconds,
				maxHeap >> 20, runtime.maxMemory() >> 20);
	}

}
