package io.dynamomigrate.mapping.model;

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How to reach a JDBC source database.
 *
 * @param url the JDBC URL
 * @param user the user, or null
 * @param password the password, or null; never printed
 * @param init SQL scripts run once when the connection is opened, to create an in-memory
 * H2 database (the embedded samples; {@link #initAllowed}); they belong to this
 * connection and are not run when the command line overrides the URL
 */
public record ConnectionSpec(String url, @Nullable String user, @Nullable Secret password, List<Path> init) {

	public ConnectionSpec {
		init = List.copyOf(init);
	}

	/**
	 * Whether {@code init} scripts may run on a database: only on an in-memory H2 one
	 * ({@code jdbc:h2:mem:}), which the scripts create and which ends with the process.
	 * Any other database is a source that is only read (DESIGN.md invariant 10).
	 */
	public static boolean initAllowed(String url) {
		return url.regionMatches(true, 0, "jdbc:h2:mem:", 0, "jdbc:h2:mem:".length());
	}

	/** A copy with the given settings replacing this one's where they are not null. */
	public ConnectionSpec override(@Nullable String url, @Nullable String user, @Nullable Secret password) {
		boolean otherDatabase = url != null && !url.equals(this.url);
		return new ConnectionSpec(url != null ? url : this.url, user != null ? user : this.user,
				password != null ? password : this.password, otherDatabase ? List.of() : this.init);
	}

	@Override
	public String toString() {
		return "ConnectionSpec[url=" + Secret.redactUrl(url) + ", user=" + user + "]";
	}

}
