package io.dynamomigrate.source.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

import io.dynamomigrate.mapping.model.FileSourceSpec;

/**
 * The files of a file source, in a stable order: a single file; the regular, non-hidden
 * files directly in a directory; or the files matching a glob ({@code *}, {@code ?},
 * {@code [..]}, {@code {a,b}}; {@code **} crosses directories). Sorted by path, so every
 * run and every restart sees the same sequence. Thread-safe.
 */
public final class FileSet {

	private FileSet() {
	}

	/** The files of the source, sorted by path; empty when nothing matches. */
	public static List<Path> of(FileSourceSpec spec) {
		String resolved = spec.resolved();
		try {
			if (!isGlob(resolved)) {
				Path path = Path.of(resolved);
				if (Files.isDirectory(path)) {
					try (Stream<Path> files = Files.list(path)) {
						return sorted(files.filter(FileSet::isDataFile));
					}
				}
				return Files.isRegularFile(path) ? List.of(path) : List.of();
			}
			Path root = Path.of(resolved.substring(0, globStart(resolved)));
			if (!Files.isDirectory(root)) {
				return List.of();
			}
			PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + resolved);
			try (Stream<Path> files = Files.walk(root)) {
				return sorted(files.filter((p) -> isDataFile(p) && matcher.matches(p)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the files of " + resolved + ": " + ex.getMessage(), ex);
		}
	}

	private static boolean isGlob(String path) {
		return path.chars().anyMatch((c) -> c == '*' || c == '?' || c == '[' || c == '{');
	}

	/** The end of the directory part before the first glob character. */
	private static int globStart(String path) {
		int first = 0;
		while (first < path.length() && "*?[{".indexOf(path.charAt(first)) < 0) {
			first++;
		}
		return path.lastIndexOf('/', first) + 1;
	}

	private static boolean isDataFile(Path path) {
		return Files.isRegularFile(path) && !path.getFileName().toString().startsWith(".");
	}

	private static List<Path> sorted(Stream<Path> files) {
		return files.sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
	}

}
