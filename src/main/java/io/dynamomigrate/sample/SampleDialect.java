package io.dynamomigrate.sample;

import java.util.HexFormat;
import java.util.Locale;

/**
 * The databases the sample scripts exist for, and the little SQL syntax that differs
 * between them. Stateless and thread-safe.
 */
enum SampleDialect {

	POSTGRES("postgres") {
		@Override
		String binaryLiteral(byte[] bytes) {
			return "decode('" + HexFormat.of().formatHex(bytes) + "','hex')";
		}
	},

	H2("h2") {
		@Override
		String binaryLiteral(byte[] bytes) {
			return "X'" + HexFormat.of().formatHex(bytes) + "'";
		}
	};

	private final String directory;

	SampleDialect(String directory) {
		this.directory = directory;
	}

	/** The folder under {@code sample-sources/} that holds this dialect's scripts. */
	String directory() {
		return this.directory;
	}

	abstract String binaryLiteral(byte[] bytes);

	/**
	 * The dialect for a JDBC {@code DatabaseMetaData.getDatabaseProductName()}.
	 * @throws IllegalArgumentException for any other database
	 */
	static SampleDialect fromProductName(String productName) {
		String name = (productName != null) ? productName.toLowerCase(Locale.ROOT) : "";
		if (name.contains("postgres")) {
			return POSTGRES;
		}
		if (name.equals("h2")) {
			return H2;
		}
		throw new IllegalArgumentException("The sample database exists for PostgreSQL and H2 only, not for '"
				+ productName + "'; connect to one of those.");
	}

}
