package io.dynamomigrate.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file in a fresh temporary folder of the state directory, for a command's on-disk
 * working set (the dry run's keys, the verification's results); {@link #close()} deletes
 * both.
 */
public final class ScratchFile implements AutoCloseable {

	private final Path folder;

	private final Path file;

	private ScratchFile(Path folder, Path file) {
		this.folder = folder;
		this.file = file;
	}

	/**
	 * A new folder {@code <stateDirectory>/<prefix>…} and the path of {@code name} inside
	 * it.
	 */
	public static ScratchFile create(Path stateDirectory, String prefix, String name) throws IOException {
		Files.createDirectories(stateDirectory);
		Path folder = Files.createTempDirectory(stateDirectory.toAbsolutePath(), prefix);
		return new ScratchFile(folder, folder.resolve(name));
	}

	public Path file() {
		return file;
	}

	@Override
	public void close() throws IOException {
		Files.deleteIfExists(file);
		Files.deleteIfExists(folder);
	}

}
