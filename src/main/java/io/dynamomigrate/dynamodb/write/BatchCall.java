package io.dynamomigrate.dynamodb.write;

import java.util.List;

import io.dynamomigrate.transform.MappedItem;
import org.jspecify.annotations.Nullable;

/**
 * One {@code BatchWriteItem} call, by one of the two send paths: the SDK's generic client
 * ({@link SdkBatchCall}) or the lean one ({@link DirectBatchCall}). Each attempt that the
 * call's retries make by themselves reports to the given attempts, so that the capacity
 * limiter sees every attempt.
 */
interface BatchCall {

	/**
	 * Sends the items and returns those DynamoDB returned unprocessed (among
	 * {@code pending}); throws the SDK's exceptions
	 * ({@link software.amazon.awssdk.awscore.exception.AwsServiceException} for an error
	 * answer) when the call fails after its retries.
	 */
	List<MappedItem> call(String table, List<MappedItem> pending, ThrottleObserver.@Nullable Attempts attempts);

}
