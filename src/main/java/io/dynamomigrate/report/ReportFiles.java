package io.dynamomigrate.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes reports as JSON and as one self-contained HTML page (inline styles, no scripts,
 * fonts or network; a Content-Security-Policy that forbids scripts). Every value in the
 * HTML is escaped by Mustache, so source data shows as text and never becomes markup.
 * Thread-safe.
 */
public final class ReportFiles {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private ReportFiles() {
	}

	/**
	 * Writes {@code <name>.json} and {@code <name>.html} into the directory and returns
	 * the HTML path.
	 */
	public static Path write(DryRunReport report, Path directory, String name) {
		return write(report, html(report), directory, name);
	}

	/**
	 * Writes {@code <name>.json} and {@code <name>.html} into the directory and returns
	 * the HTML path.
	 */
	public static Path write(VerifyReport report, Path directory, String name) {
		return write(report, html(report), directory, name);
	}

	private static Path write(Object report, String html, Path directory, String name) {
		try {
			Files.createDirectories(directory);
			Files.writeString(directory.resolve(name + ".json"), JSON.writeValueAsString(report),
					StandardCharsets.UTF_8);
			Path page = directory.resolve(name + ".html");
			Files.writeString(page, html, StandardCharsets.UTF_8);
			return page;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the report to " + directory, ex);
		}
	}

	/** The HTML page of a dry-run report. */
	public static String html(DryRunReport report) {
		Map<String, Object> view = view(report);
		addDisplayValues(view);
		return render("dry-run", view);
	}

	/** The HTML page of a verification report. */
	@SuppressWarnings({ "unchecked", "NullAway" }) // the view's keys are the report's
													// components: always there
	public static String html(VerifyReport report) {
		Map<String, Object> view = view(report);
		for (Object table : (List<Object>) view.get("tables")) {
			Map<String, Object> tableView = (Map<String, Object>) table;
			tableView.put("hasExamples", !((List<Object>) tableView.get("examples")).isEmpty());
		}
		return render("verify", view);
	}

	private static Map<String, Object> view(Object report) {
		return JSON.convertValue(report, new TypeReference<Map<String, Object>>() {
		});
	}

	private static String render(String template, Map<String, Object> view) {
		Mustache mustache = new DefaultMustacheFactory()
			.compile("io/dynamomigrate/report/" + template + ".html.mustache");
		Writer out = new StringWriter();
		mustache.execute(out, view);
		return out.toString();
	}

	@SuppressWarnings({ "unchecked", "NullAway" }) // the view's keys are the report's
													// components: always there
	private static void addDisplayValues(Map<String, Object> view) {
		view.put("hasFindings", !((List<Object>) view.get("findings")).isEmpty());
		view.put("hasCollisionExamples",
				!((List<Object>) ((Map<String, Object>) view.get("collisions")).get("examples")).isEmpty());
		for (Object step : (List<Object>) view.get("steps")) {
			Map<String, Object> stepView = (Map<String, Object>) step;
			stepView.put("hasRejectSamples", !((List<Object>) stepView.get("rejectSamples")).isEmpty());
		}
		Map<String, Object> pricing = (Map<String, Object>) view.get("pricing");
		pricing.put("totalCostText", DryRunReportBuilder.usd(((Number) pricing.get("totalCost")).doubleValue()));
		Map<String, Object> paths = (Map<String, Object>) view.get("paths");
		paths.put("writeCostText", DryRunReportBuilder.usd(((Number) paths.get("writeCost")).doubleValue()));
		paths.put("importCostText", DryRunReportBuilder.usd(((Number) paths.get("importCost")).doubleValue()));
		paths.put("importGigabytes",
				String.format(Locale.ROOT, "%.3f", ((Number) paths.get("importBytes")).doubleValue() / 1e9));
		pricing.put("prewarmCostText", DryRunReportBuilder.usd(((Number) pricing.get("prewarmCost")).doubleValue()));
		for (Object table : (List<Object>) view.get("tables")) {
			Map<String, Object> tableView = (Map<String, Object>) table;
			tableView.put("estimatedCostText",
					DryRunReportBuilder.usd(((Number) tableView.get("estimatedCost")).doubleValue()));
			tableView.put("hasPrewarm", pricing.get("prewarm") != null);
			tableView.put("prewarmCostText",
					DryRunReportBuilder.usd(((Number) tableView.get("prewarmCost")).doubleValue()));
			for (Object hot : (List<Object>) tableView.get("hotKeys")) {
				Map<String, Object> hotView = (Map<String, Object>) hot;
				hotView.put("sharePercent",
						String.format(Locale.ROOT, "%.1f%%", ((Number) hotView.get("share")).doubleValue() * 100));
			}
			Map<String, Object> percentiles = (Map<String, Object>) tableView.get("sizePercentiles");
			List<Map<String, Object>> entries = new ArrayList<>();
			percentiles.forEach((k, v) -> entries.add(Map.of("key", k, "value", v)));
			tableView.put("sizePercentiles", Map.of("entries", entries));
		}
	}

}
