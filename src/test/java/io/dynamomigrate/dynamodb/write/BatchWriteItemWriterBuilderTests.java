package io.dynamomigrate.dynamodb.write;

import io.dynamomigrate.mapping.model.DuplicateKeyPolicy;
import io.dynamomigrate.transform.RejectSink;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class BatchWriteItemWriterBuilderTests {

	@Test
	void build_withoutAClient_says_aClientIsRequired() {
		assertThatIllegalStateException()
			.isThrownBy(() -> BatchWriteItemWriter.builder()
				.table("t")
				.duplicateKeyPolicy(DuplicateKeyPolicy.LAST_WINS)
				.rejects(RejectSink.NONE)
				.build())
			.withMessage("A DynamoDB client is required");
	}

	@Test
	void build_withoutATableDuplicatePolicyOrRejects_saysWhichIsRequired() {
		try (DynamoDbClient client = DynamoDbClient.builder().region(Region.US_EAST_1).build()) {
			assertThatIllegalStateException().isThrownBy(() -> BatchWriteItemWriter.builder().client(client).build())
				.withMessage("A table name is required");
			assertThatIllegalStateException()
				.isThrownBy(() -> BatchWriteItemWriter.builder().client(client).table("t").build())
				.withMessage("A duplicate-key policy is required");
			assertThatIllegalStateException()
				.isThrownBy(() -> BatchWriteItemWriter.builder()
					.client(client)
					.table("t")
					.duplicateKeyPolicy(DuplicateKeyPolicy.LAST_WINS)
					.build())
				.withMessage("A reject sink is required");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> BatchWriteItemWriter.builder()
					.client(client)
					.table("t")
					.duplicateKeyPolicy(DuplicateKeyPolicy.LAST_WINS)
					.rejects(RejectSink.NONE)
					.maxItemsPerCall(26)
					.build())
				.withMessage("maxItemsPerCall must be 1 to 25");
		}
	}

}
