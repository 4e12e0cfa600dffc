package io.dynamomigrate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import io.dynamomigrate.mapping.InvalidMappingException;
import io.dynamomigrate.mapping.MappingSpec;
import io.dynamomigrate.mapping.Problems;
import io.dynamomigrate.source.jdbc.JdbcSources;
import io.dynamomigrate.source.jdbc.SourceSchemaCheck;
import org.jspecify.annotations.Nullable;

/**
 * Opens a mapping's source database and checks the mapping's tables and columns against it, for commands that
 * read the source.
 */
final class JdbcSourceCheck {

	private JdbcSourceCheck() {
	}

	/**
	 * The source's connection pool, or null (after printing every problem) when the mapping does not fit the
	 * source.
	 */
	static @Nullable HikariDataSource open(MappingSpec mapping, Path file, PrintWriter err) {
		HikariDataSource dataSource = JdbcSources.open(mapping.source(), 4);
		Problems problems = new Problems(file);
		new SourceSchemaCheck(dataSource).check(mapping, problems);
		if (problems.isEmpty()) {
			return dataSource;
		}
		dataSource.close();
		Mappings.print(new InvalidMappingException(problems.list()), err);
		return null;
	}

}
