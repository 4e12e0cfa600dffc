import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints the totals of a JaCoCo CSV report (lines, branches, instructions, and lines per package), so that the
 * coverage stands in the build output. Run by the build at {@code verify} as a single-file program:
 * {@code java src/build/CoverageSummary.java target/site/jacoco/jacoco.csv}. Without a report (tests skipped) it
 * says so and succeeds.
 */
public class CoverageSummary {

	// Columns of jacoco.csv: GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,
	// BRANCH_COVERED,LINE_MISSED,LINE_COVERED,COMPLEXITY_MISSED,COMPLEXITY_COVERED,METHOD_MISSED,METHOD_COVERED
	private static final int INSTRUCTION = 3;

	private static final int BRANCH = 5;

	private static final int LINE = 7;

	public static void main(String[] args) throws IOException {
		Path csv = Path.of(args[0]);
		if (!Files.isRegularFile(csv)) {
			System.out.println("[coverage] no JaCoCo report at " + csv + " (tests skipped?)");
			return;
		}
		List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
		long[] total = new long[13];
		Map<String, long[]> packages = new TreeMap<>();
		for (String row : rows.subList(1, rows.size())) {
			String[] cells = row.split(",");
			long[] pkg = packages.computeIfAbsent(cells[1], (name) -> new long[13]);
			for (int i = INSTRUCTION; i < cells.length; i++) {
				long value = Long.parseLong(cells[i]);
				total[i] += value;
				pkg[i] += value;
			}
		}
		System.out.println("[coverage] unit + integration tests (target/site/jacoco/index.html):");
		System.out.printf("[coverage]   lines %s, branches %s, instructions %s%n", ratio(total, LINE),
				ratio(total, BRANCH), ratio(total, INSTRUCTION));
		packages.forEach((name, counts) -> System.out.printf("[coverage]   %-40s lines %s%n", name,
				ratio(counts, LINE)));
	}

	private static String ratio(long[] counts, int missedColumn) {
		long missed = counts[missedColumn];
		long covered = counts[missedColumn + 1];
		long all = missed + covered;
		String percent = (all == 0) ? "-" : String.format("%.1f%%", 100.0 * covered / all);
		return percent + " (" + covered + "/" + all + ")";
	}

}
