package io.dynamomigrate.mapping.yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.dynamomigrate.mapping.model.Location;
import io.dynamomigrate.mapping.validation.ProblemCode;
import io.dynamomigrate.mapping.validation.Problems;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Bounds what reading a mapping file may cost, before it is composed into nodes: its
 * size, its size with every alias ({@code *name}) expanded, its nesting, and no alias
 * inside the node it names (a recursive alias). A file past a bound is one problem naming
 * the line where it is crossed, instead of running out of memory or stack. SnakeYAML's
 * own {@link LoaderOptions} limits ({@link #options()}) stay as a second guard.
 * Thread-safe.
 */
final class YamlLimits {

	/**
	 * The most characters (code points) a mapping file may have, and may expand to with
	 * its aliases.
	 */
	static final int MAX_CHARACTERS = 1_000_000;

	/**
	 * The deepest nesting of lists and maps (a mapping needs about 40: DynamoDB's 32
	 * levels and the file's own).
	 */
	static final int MAX_DEPTH = 48;

	/** Aliases of lists or maps (each may copy a large part of the file). */
	static final int MAX_COLLECTION_ALIASES = 10;

	private YamlLimits() {
	}

	/** The options to compose a mapping file with: SnakeYAML's limits at these bounds. */
	static LoaderOptions options() {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(true); // reported as problems with a position
												// instead
		options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
		options.setAllowRecursiveKeys(false);
		options.setNestingDepthLimit(MAX_DEPTH + 1);
		options.setCodePointLimit(MAX_CHARACTERS + 1);
		return options;
	}

	/**
	 * Adds a problem when the content crosses a bound. Syntax errors are left to
	 * composing, which reports them.
	 * @return whether the content is within every bound
	 */
	static boolean check(String content, Problems problems) {
		int characters = content.codePointCount(0, content.length());
		if (characters > MAX_CHARACTERS) {
			problems.add(line(content, content.offsetByCodePoints(0, MAX_CHARACTERS)), ProblemCode.YAML_SYNTAX,
					"The mapping file has " + count(characters) + " characters; a mapping may have at most "
							+ count(MAX_CHARACTERS) + " (here that many end).",
					"Split it into several mappings, or read long values from the source instead of the file.");
			return false;
		}
		try (Reader reader = new StringReader(content)) {
			return new Walk(problems).events(new Yaml(options()).parse(reader), characters);
		}
		catch (YAMLException ex) { // not valid YAML: composing reports it with its
									// position
			return true;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String count(long n) {
		return String.format(Locale.ROOT, "%,d", n);
	}

	private static Location line(String content, int charOffset) {
		int line = 1;
		for (int i = 0; i < charOffset; i++) {
			if (content.charAt(i) == '\n') {
				line++;
			}
		}
		return new Location(line, 1);
	}

	private static Location location(Mark mark) {
		return new Location(mark.getLine() + 1, mark.getColumn() + 1);
	}

	/** One pass over the parser's events, without building nodes. */
	private static final class Walk {

		private final Problems problems;

		/** The open lists and maps, innermost first. */
		private final Deque<Open> open = new ArrayDeque<>();

		/**
		 * Anchors of the lists and maps that are still open: an alias of one is
		 * recursive.
		 */
		private final Set<String> openAnchors = new HashSet<>();

		/**
		 * Each anchored node: the characters it stands for (its own aliases expanded),
		 * and whether a list or map.
		 */
		private final Map<String, Anchored> anchored = new HashMap<>();

		private int collectionAliases;

		Walk(Problems problems) {
			this.problems = problems;
		}

		boolean events(Iterable<Event> events, long characters) {
			long total = characters;
			for (Event event : events) {
				if (event instanceof CollectionStartEvent start) {
					if (open.size() >= MAX_DEPTH) {
						problems.add(location(start.getStartMark()), ProblemCode.YAML_SYNTAX,
								"Lists and maps are " + "nested more than " + MAX_DEPTH + " levels deep here.",
								"Nest less deeply: DynamoDB itself allows 32 levels in an item.");
						return false;
					}
					open.push(new Open(start.getAnchor(), start.getStartMark().getIndex()));
					if (start.getAnchor() != null) {
						openAnchors.add(start.getAnchor());
					}
				}
				else if (event instanceof CollectionEndEvent end) {
					Open closed = open.pop();
					if (closed.anchor != null) {
						openAnchors.remove(closed.anchor);
						anchored.put(closed.anchor,
								new Anchored(end.getEndMark().getIndex() - closed.start + closed.extra, true));
					}
					if (!open.isEmpty()) {
						open.peek().extra += closed.extra;
					}
				}
				else if (event instanceof ScalarEvent scalar && scalar.getAnchor() != null) {
					anchored.put(scalar.getAnchor(), new Anchored(scalar.getValue().length(), false));
				}
				else if (event instanceof AliasEvent alias) {
					Long size = alias(alias);
					if (size == null) {
						return false;
					}
					total += size;
					if (!open.isEmpty()) {
						open.peek().extra += size;
					}
					if (total > MAX_CHARACTERS) {
						problems.add(location(alias.getStartMark()), ProblemCode.YAML_SYNTAX,
								"With its aliases " + "expanded, the mapping has more than " + count(MAX_CHARACTERS)
										+ " characters here " + "(the alias *" + alias.getAnchor() + " stands for "
										+ count(size) + ").",
								"Write the values out, or use aliases of short values only.");
						return false;
					}
				}
			}
			return true;
		}

		/** The characters an alias adds, or null after adding a problem. */
		private @Nullable Long alias(AliasEvent alias) {
			String anchor = alias.getAnchor();
			if (openAnchors.contains(anchor)) {
				problems.add(location(alias.getStartMark()), ProblemCode.YAML_SYNTAX,
						"The alias *" + anchor + " is inside the list or map &" + anchor
								+ " that it names, so it would never end.",
						"Remove the alias, or point it at a node outside &" + anchor + ".");
				return null;
			}
			Anchored node = anchored.get(anchor);
			if (node == null) { // an undefined alias: composing reports it
				return 0L;
			}
			if (node.collection && ++collectionAliases > MAX_COLLECTION_ALIASES) {
				problems.add(
						location(alias.getStartMark()), ProblemCode.YAML_SYNTAX, "More than " + MAX_COLLECTION_ALIASES
								+ " aliases of lists or maps; this one is *" + anchor + ".",
						"Write the lists and maps out instead of repeating them with aliases.");
				return null;
			}
			return node.characters;
		}

	}

	private record Anchored(long characters, boolean collection) {
	}

	/** A list or map that has started and not ended yet. */
	private static final class Open {

		final @Nullable String anchor;

		final int start;

		/** Characters its aliases add. */
		long extra;

		Open(@Nullable String anchor, int start) {
			this.anchor = anchor;
			this.start = start;
		}

	}

}
