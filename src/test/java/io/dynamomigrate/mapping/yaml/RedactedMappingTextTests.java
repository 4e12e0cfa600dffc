package io.dynamomigrate.mapping.yaml;

import java.nio.file.Path;

import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.model.Secret;
import io.dynamomigrate.testing.Invariant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets are found in the parsed mapping, in every YAML style, and replaced where they
 * were written; the rest of the text keeps its lines. The redacted text is still a
 * mapping that loads.
 */
@Invariant(8)
class RedactedMappingTextTests {

	private static final String MAPPING = """
			name: shop   # comment kept
			source:
			  url: "jdbc:postgresql://db:5432/shop?user=app&password=pw-in-url&ssl=true"
			  "password": |
			    block-secret
			    second-line
			  user: app
			dynamodb:
			  endpoint: http://key:endpoint-secret@127.0.0.1:8000
			tables:
			  - name: orders
			    partitionKey: { name: pk, type: S }
			items:
			  - name: order
			    table: orders
			    source: { table: orders, key: [id] }
			    attributes:
			      pk: "ORDER#${id}"
			""";

	@Test
	void secretsInEveryStyle_areReplaced_andEveryOtherLineStaysWhereItWas() {
		String redacted = RedactedMappingText.of(MAPPING);

		assertThat(redacted).doesNotContain("pw-in-url", "block-secret", "second-line", "endpoint-secret", "//key");
		assertThat(redacted.lines().toList()).hasSameSizeAs(MAPPING.lines().toList());
		assertThat(redacted.lines().toList().get(2))
			.isEqualTo("  url: \"jdbc:postgresql://db:5432/shop?user=app&password=****&ssl=true\"");
		assertThat(redacted.lines().toList().get(3)).isEqualTo("  \"password\": \"<redacted>\"");
		assertThat(redacted.lines().toList().get(6)).isEqualTo("  user: app");
		assertThat(redacted.lines().toList().get(8)).isEqualTo("  endpoint: \"http://****@127.0.0.1:8000\"");
		assertThat(redacted).contains("name: shop   # comment kept");
		MappingSpec loaded = new MappingLoader((name) -> null).load(Path.of("shop.yml"), redacted);
		assertThat(loaded.source().password().reveal()).isEqualTo("<redacted>");
	}

	@Test
	void valuesWithCommaHashBraceAndEnvironmentDefaults_areReplacedWhole() {
		String text = """
				source:
				  url: { env: SOURCE_URL, default: "jdbc:postgresql://h/db?password=default-url-secret" }
				  password: { env: SOURCE_PASSWORD, default: "a,comma-secret#hash-secret}brace-secret" }
				other: &anchored 'quoted,anchor-secret'
				more:
				  password: *anchored
				""";

		String redacted = RedactedMappingText.of(text);

		assertThat(redacted).doesNotContain("default-url-secret", "comma-secret", "hash-secret", "brace-secret",
				"anchor-secret");
		assertThat(redacted).contains("  password: \"<redacted>\"\n", "other: &anchored \"<redacted>\"\n",
				"  password: *anchored\n", "default: \"jdbc:postgresql://h/db?password=****\" }");
	}

	@Test
	void textThatIsNotYaml_isNotStoredAtAll() {
		assertThat(RedactedMappingText.of("source: { password: [unclosed-secret\n"))
			.isEqualTo(RedactedMappingText.NOT_YAML);
	}

	@Test
	void urls_loseTheirUserInfoAndSecretParameters_inEveryDriversStyle() {
		assertThat(Secret.redactUrl("http://user:pass@host:8000/x?a=1")).isEqualTo("http://****@host:8000/x?a=1");
		assertThat(Secret.redactUrl("jdbc:mysql://root:pw@db/shop?useSSL=true&password=p2"))
			.isEqualTo("jdbc:mysql://****@db/shop?useSSL=true&password=****");
		assertThat(Secret.redactUrl("jdbc:sqlserver://db;user=sa;password={a;b};encrypt=true"))
			.isEqualTo("jdbc:sqlserver://db;user=sa;password=****;encrypt=true");
		assertThat(Secret.redactUrl("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1;PASSWORD=p;PWD=q"))
			.isEqualTo("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1;PASSWORD=****;PWD=****");
		assertThat(Secret.redactUrl("jdbc:postgresql://h/db?sslpassword=k&user=u"))
			.isEqualTo("jdbc:postgresql://h/db?sslpassword=****&user=u");
		assertThat(Secret.redactUrl("jdbc:oracle:thin:scott/tiger@db:1521/orcl"))
			.isEqualTo("jdbc:oracle:thin:****@db:1521/orcl");
		assertThat(Secret.redactUrl("jdbc:postgresql://h/db?user=a@b")).isEqualTo("jdbc:postgresql://h/db?user=a@b");
		assertThat(Secret.redactUrl("AWS DynamoDB")).isEqualTo("AWS DynamoDB");
	}

}
