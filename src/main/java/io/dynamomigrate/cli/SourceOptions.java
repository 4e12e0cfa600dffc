package io.dynamomigrate.cli;

import io.dynamomigrate.mapping.model.ConnectionSpec;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.model.Secret;
import picocli.CommandLine.Option;

/**
 * Options that override the mapping's source connection and the endpoint of its S3 file
 * sources.
 */
final class SourceOptions {

	static final String PASSWORD_ENV = "DYNAMO_MIGRATE_SOURCE_PASSWORD";

	@Option(names = "--source-url", paramLabel = "JDBC_URL",
			description = "JDBC URL of the source database; replaces the mapping's source.url (and its init scripts).")
	String url;

	@Option(names = "--source-user", paramLabel = "USER", description = "Source database user.")
	String user;

	@Option(names = "--source-password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
			description = "Source database password (prompted when given without a value). Also read from "
					+ "the environment variable " + PASSWORD_ENV + ".")
	char[] password;

	@Option(names = "--s3-endpoint-url", paramLabel = "URL",
			description = "Endpoint of an S3-compatible store for s3:// file sources and for run --via-import "
					+ "(path-style requests); wins over source.s3EndpointUrl. Without either: AWS S3 with the default credential and region chains.")
	String s3EndpointUrl;

	/** The mapping with the command line's source overrides. */
	MappingSpec apply(MappingSpec mapping) {
		MappingSpec spec = mapping.withSource(apply(mapping.source()));
		return s3EndpointUrl == null ? spec : spec.withS3EndpointUrl(s3EndpointUrl);
	}

	ConnectionSpec apply(ConnectionSpec connection) {
		Secret secret = null;
		if (password != null) {
			secret = new Secret(new String(password));
		}
		else if (System.getenv(PASSWORD_ENV) != null) {
			secret = new Secret(System.getenv(PASSWORD_ENV));
		}
		return connection.override(url, user, secret);
	}

}
