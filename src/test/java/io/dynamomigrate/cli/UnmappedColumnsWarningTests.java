package io.dynamomigrate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import io.dynamomigrate.job.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, defect 9: {@code unmappedColumns: attributes} keeps no column that a template
 * or {@code when} reads, so {@code validate} warns at the file:line of
 * {@code unmappedColumns}, naming those columns and how to keep them; a column also
 * listed under its own name, or excluded, is not named, and a mapping without such
 * columns has no warning.
 */
class UnmappedColumnsWarningTests {

	@TempDir
	Path temp;

	@Test
	void consumedColumns_areNamedInAWarning_atTheLineOfUnmappedColumns() throws Exception {
		Files.writeString(temp.resolve("products.jsonl"), "{\"id\": 1, \"category\": \"c\"}\n");
		Path mapping = temp.resolve("products.yml");
		Files.writeString(mapping, """
				name: products
				tables:
				  - { name: products, partitionKey: { name: pk, type: S } }
				items:
				  - name: products
				    table: products
				    source: { file: products.jsonl, key: [id] }
				    unmappedColumns: { as: attributes, exclude: [secret] }
				    attributes:
				      pk: "C#${category}#${id}#${secret}"
				      id: "${id}"
				      flag: { value: "x", when: { column: status, equals: a } }
				  - name: plain
				    table: products
				    source: { file: products.jsonl, key: [id] }
				    unmappedColumns: attributes
				    attributes: { pk: "${pk}" }
				""");
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine commandLine = DynamoMigrate.commandLine();
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));

		int exitCode = commandLine.execute("validate", "--offline", mapping.toString());

		assertThat(exitCode).as(err.toString()).isEqualTo(ExitCodes.SUCCESS);
		assertThat(out.toString()).contains("is valid");
		assertThat(err.toString().lines().toList()).containsExactly(mapping + ":8:22: Warning: item `products`: "
				+ "unmappedColumns keeps only the columns that no template or `when` reads, so category, status are "
				+ "not kept as attributes of their own. To keep them, list them as attributes: "
				+ "category: \"${category}\", status: \"${status}\".");
	}

}
