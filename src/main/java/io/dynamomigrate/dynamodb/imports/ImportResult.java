package io.dynamomigrate.dynamodb.imports;

import org.jspecify.annotations.Nullable;

/**
 * How a table's import ended, as {@code DescribeImport} told it.
 *
 * @param table the table
 * @param importArn the import's ARN
 * @param status COMPLETED, FAILED, CANCELLED, ...
 * @param processedItems items the import read
 * @param importedItems items it wrote to the table
 * @param errors lines it could not import (each logged in the log group)
 * @param processedBytes bytes it read (uncompressed; what the import is billed for)
 * @param logGroup the CloudWatch log group of its errors, or null
 * @param failure the import's failure code and message, or null
 */
public record ImportResult(String table, String importArn, String status, long processedItems, long importedItems,
		long errors, long processedBytes, @Nullable String logGroup, @Nullable String failure) {
}
