package io.dynamomigrate.dynamodb.client;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionSizeLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * DynamoDB's error answers (a JSON body with {@code __type} and {@code message}, or the
 * {@code x-amzn-ErrorType} header) as the exceptions the SDK throws for them: the
 * modelled class for the common codes, else {@link DynamoDbException}, always with the
 * error code and status, so that {@link AwsServiceException#isThrottlingException()} and
 * the SDK's retry conditions classify them as they classify the SDK's own.
 */
final class DynamoDbErrors {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DynamoDbErrors() {
	}

	static AwsServiceException exception(int status, byte[] body, @Nullable String errorType) {
		String code = errorType;
		String message = null;
		try {
			JsonNode tree = JSON.readTree(body);
			if (tree.hasNonNull("__type")) {
				code = tree.get("__type").asString();
			}
			JsonNode text = tree.hasNonNull("message") ? tree.get("message") : tree.get("Message");
			message = text != null ? text.asString() : null;
		}
		catch (RuntimeException ex) {
			// not JSON (e.g. a proxy's HTML page): the status and the header tell
			message = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
		}
		if (code != null) {
			code = code.substring(code.indexOf('#') + 1);
			int colon = code.indexOf(':');
			code = colon >= 0 ? code.substring(0, colon) : code;
		}
		AwsErrorDetails details = AwsErrorDetails.builder()
			.errorCode(code)
			.errorMessage(message)
			.serviceName("DynamoDb")
			.build();
		String text = (message != null ? message : "HTTP " + status) + " (Service: DynamoDb, Status Code: " + status
				+ (code != null ? ", Error Code: " + code : "") + ")";
		AwsServiceException.Builder builder = switch (code != null ? code : "") {
			case "ProvisionedThroughputExceededException" -> ProvisionedThroughputExceededException.builder();
			case "ThrottlingException" -> ThrottlingException.builder();
			case "RequestLimitExceeded" -> RequestLimitExceededException.builder();
			case "ResourceNotFoundException" -> ResourceNotFoundException.builder();
			case "InternalServerError" -> InternalServerErrorException.builder();
			case "ItemCollectionSizeLimitExceededException" -> ItemCollectionSizeLimitExceededException.builder();
			case "ConditionalCheckFailedException" -> ConditionalCheckFailedException.builder();
			default -> DynamoDbException.builder();
		};
		return (AwsServiceException) builder.awsErrorDetails(details).statusCode(status).message(text).build();
	}

}
