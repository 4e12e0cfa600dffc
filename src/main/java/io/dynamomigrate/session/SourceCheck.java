package io.dynamomigrate.session;

import com.zaxxer.hikari.HikariDataSource;
import io.dynamomigrate.job.ExitCodes;
import io.dynamomigrate.mapping.model.FileSourceSpec;
import io.dynamomigrate.mapping.model.ItemSpec;
import io.dynamomigrate.mapping.model.MappingSpec;
import io.dynamomigrate.mapping.validation.InvalidMappingException;
import io.dynamomigrate.mapping.validation.ProblemCode;
import io.dynamomigrate.mapping.validation.Problems;
import io.dynamomigrate.source.file.S3Files;
import io.dynamomigrate.source.jdbc.JdbcSources;
import io.dynamomigrate.source.jdbc.SourceSchemaCheck;

/**
 * Opens a mapping's source database and checks the mapping's tables and columns against
 * it, and that every {@code s3://} file source can be listed and matches at least one
 * object, for sessions that read the source.
 */
final class SourceCheck {

	private SourceCheck() {
	}

	/**
	 * The source's connection pool.
	 * @throws SessionRefusedException with every problem ({@link ExitCodes#INVALID}) when
	 * the mapping does not fit the source
	 */
	static HikariDataSource open(MappingSpec mapping) {
		HikariDataSource dataSource = JdbcSources.open(mapping.source(), 4);
		Problems problems = new Problems(mapping.file());
		new SourceSchemaCheck(dataSource).check(mapping, problems);
		for (ItemSpec item : mapping.items()) {
			FileSourceSpec files = item.source().file();
			String problem = files != null && files.isS3() ? S3Files.problem(files) : null;
			if (files != null && problem != null) {
				problems.add(item.source().location(), ProblemCode.UNKNOWN_REFERENCE, problem,
						"Nothing was started; run again once " + files.path() + " can be listed.");
			}
		}
		if (problems.isEmpty()) {
			return dataSource;
		}
		dataSource.close();
		throw new SessionRefusedException(ExitCodes.INVALID,
				MappingFiles.problemLines(new InvalidMappingException(problems.list())));
	}

}
