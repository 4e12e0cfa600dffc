/**
 * Loading new tables through DynamoDB's Import from S3: the step writer that stages
 * mapped items with duplicate keys resolved over the whole run ({@code ImportStaging},
 * {@code ImportWriter}), the gzip DynamoDB JSON objects and manifest uploaded from it
 * ({@code ImportUploader}, {@code DynamoDbJsonLines}), and the {@code ImportTable} call
 * with its {@code DescribeImport} polling ({@code TableImport}).
 */
@NullMarked
package io.dynamomigrate.dynamodb.imports;

import org.jspecify.annotations.NullMarked;
