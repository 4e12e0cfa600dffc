/**
 * Connecting to DynamoDB: the SDK clients ({@code DynamoDbClients}), the target a command
 * writes to ({@code DynamoDbTarget}: an endpoint or the local one) and the local dynalite
 * endpoint ({@code LocalDynamoDb}).
 */
@NullMarked
package io.dynamomigrate.dynamodb.client;

import org.jspecify.annotations.NullMarked;
