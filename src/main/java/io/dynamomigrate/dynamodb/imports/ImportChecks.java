package io.dynamomigrate.dynamodb.imports;

import java.nio.charset.StandardCharsets;

import io.dynamomigrate.mapping.model.ItemSpec;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.model.TableSpec;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What is checked before an import run starts anything: that the mapping asks for nothing
 * an import cannot do (deletes), that no target table exists yet (an import creates its
 * table), and that the S3 prefix can be written and holds no objects of another run for
 * these tables. Each problem is one sentence naming the fix. Thread-safe.
 */
public final class ImportChecks {

	/** The object the check writes at the prefix: it shows the run may write there. */
	static final String RUN_MARKER = "dynamo-migrate-import.json";

	private ImportChecks() {
	}

	/** Why the mapping cannot be loaded through an import, or null. */
	public static @Nullable String mappingProblem(MappingSpec mapping) {
		for (ItemSpec item : mapping.items()) {
			if (item.changes().tombstones() != null || item.changes().deleteWhen() != null) {
				return "Item definition " + item.name() + " deletes items, which an import into a new table cannot "
						+ "do. Fix: run without --via-import, or leave `deletes:` out of the mapping.";
			}
		}
		return null;
	}

	/** Why a target table stops the import (it exists), or null. */
	public static @Nullable String tableProblem(MappingSpec mapping, DynamoDbClient dynamodb, String endpoint) {
		for (TableSpec table : mapping.tables()) {
			try {
				dynamodb.describeTable((r) -> r.tableName(table.name()));
				return "Table " + table.name() + " already exists at " + endpoint + ", and Import from S3 only "
						+ "creates new tables. Fix: run without --via-import to write into it, or delete it first.";
			}
			catch (ResourceNotFoundException ex) {
				// new: as an import needs it
			}
		}
		return null;
	}

	/**
	 * Why the prefix cannot take the run's objects (S3 unreachable, access denied, a
	 * missing bucket, objects of another run for these tables), or null; writes a small
	 * marker object when it can.
	 * @param where the S3 endpoint as messages show it
	 */
	public static @Nullable String prefixProblem(MappingSpec mapping, S3Client s3, S3Prefix prefix, String where) {
		try {
			for (TableSpec table : mapping.tables()) {
				if (s3
					.listObjectsV2((r) -> r.bucket(prefix.bucket()).prefix(prefix.dataPrefix(table.name())).maxKeys(1))
					.keyCount() > 0) {
					return prefix.url(prefix.dataPrefix(table.name())) + " already holds objects, which an import "
							+ "would load too. Fix: give an empty prefix to --via-import, or delete those objects.";
				}
			}
			s3.putObject((r) -> r.bucket(prefix.bucket()).key(prefix.keyPrefix() + RUN_MARKER), RequestBody
				.fromString("{\"mapping\":\"" + mapping.name().replace("\"", "") + "\"}", StandardCharsets.UTF_8));
			return null;
		}
		catch (S3Exception ex) {
			String code = ex.awsErrorDetails() == null ? "" : ex.awsErrorDetails().errorCode();
			if ("NoSuchBucket".equals(code) || ex.statusCode() == 404) {
				return "The bucket `" + prefix.bucket() + "` of " + prefix + " does not exist at " + where
						+ ": create it, or check its name (and the endpoint or region).";
			}
			if (ex.statusCode() == 403) {
				return "Access to " + prefix + " is denied (" + code + "): give the credentials of the SDK's "
						+ "default chain s3:ListBucket, s3:PutObject and s3:DeleteObject there (and the import "
						+ "s3:GetObject), or use other credentials (AWS_PROFILE).";
			}
			return "S3 refuses " + prefix + " (HTTP " + ex.statusCode() + " " + code + "): check the bucket, the "
					+ "credentials and " + where + ".";
		}
		catch (SdkClientException ex) {
			return "Cannot reach S3 at " + where + " to write " + prefix + " (" + ex.getMessage() + "): check the "
					+ "network, the region (AWS_REGION) or the endpoint (--s3-endpoint-url).";
		}
	}

}
