package io.dynamomigrate.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dynamomigrate.dynamodb.table.ItemFetcher;
import io.dynamomigrate.dynamodb.write.DuplicateKeys;
import io.dynamomigrate.mapping.model.DuplicateKeyPolicy;
import io.dynamomigrate.mapping.model.TableSpec;
import io.dynamomigrate.transform.MappedItem;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The writer of a verification: for each chunk of expected items (resolved for duplicate
 * keys exactly as a run resolves them), reads the items with the same keys from the table
 * and records what is missing or different in {@link VerificationResults}. With a sample
 * percentage, only keys whose SHA-256 falls in that share are compared, so the same keys
 * are chosen on every run. Writes nothing. Not thread-safe: one writer per step.
 */
public final class VerifyingWriter implements ItemWriter<MappedItem> {

	private final TableSpec table;

	private final DuplicateKeyPolicy policy;

	private final ItemFetcher fetcher;

	private final VerificationResults results;

	private final double samplePercent;

	private final MessageDigest sha256;

	public VerifyingWriter(TableSpec table, DuplicateKeyPolicy policy, ItemFetcher fetcher, VerificationResults results,
			double samplePercent) {
		this.table = table;
		this.policy = policy;
		this.fetcher = fetcher;
		this.results = results;
		this.samplePercent = samplePercent;
		this.sha256 = sha256();
	}

	@Override
	public void write(Chunk<? extends MappedItem> chunk) throws Exception {
		List<MappedItem> sampled = new ArrayList<>();
		for (MappedItem item : DuplicateKeys.resolve(chunk.getItems(), policy).toWrite()) {
			if (item.delete()) {
				continue; // a deleted row explains no item: if the table still holds it,
							// the scan finds it unexpected
			}
			String key = ItemKeys.text(item.key());
			results.expected(table.name(), key);
			if (sampled(key, samplePercent, sha256)) {
				sampled.add(item);
			}
		}
		if (sampled.isEmpty()) {
			return;
		}
		List<Map<String, AttributeValue>> keys = new ArrayList<>();
		List<Long> sizes = new ArrayList<>();
		for (MappedItem item : sampled) {
			keys.add(item.key());
			sizes.add(item.sizeBytes());
		}
		Map<Map<String, AttributeValue>, Map<String, AttributeValue>> actual = fetcher.fetch(table.name(), keys, sizes,
				table.keyAttributeNames());
		for (MappedItem item : sampled) {
			results.compared(table.name(), ItemKeys.text(item.key()), item.position().toString(), item.item(),
					actual.get(item.key()));
		}
	}

	/**
	 * Whether a key is in the sample: the first 8 bytes of its SHA-256, as a fraction of
	 * 2^64, below the share.
	 */
	static boolean sampled(String key, double percent, MessageDigest sha256) {
		if (percent >= 100) {
			return true;
		}
		byte[] hash = sha256.digest(key.getBytes(StandardCharsets.UTF_8));
		long value = 0;
		for (int i = 0; i < 8; i++) {
			value = (value << 8) | (hash[i] & 0xff);
		}
		double fraction = (value >>> 11) / (double) (1L << 53);
		return fraction * 100 < percent;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
