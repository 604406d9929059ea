package dev.executor.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Reads the code blocks of Markdown documents and the source regions they were copied
 * from. A block names its source with a marker on the line right before its fence:
 * {@code <!-- snippet: path/from/the/root/File.java#tag -->} for the region between
 * {@code tag::tag[]} and {@code end::tag[]}, or the path alone for the whole file. Lines
 * that mark a region are left out, and so is the indentation the region's lines share. A
 * tag that marks several regions names them all, joined a blank line apart.
 */
final class Snippets {

	private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*snippet:\\s*(\\S+?)\\s*-->\\s*$");

	private static final Pattern FENCE = Pattern.compile("^(\\s*)```\\s*([\\w-]*)\\s*$");

	private static final Pattern TAG_LINE = Pattern.compile(".*\\b(tag|end)::[\\w.-]+\\[]\\s*(-->)?\\s*$");

	/**
	 * How to fix a block that differs from its source.
	 */
	static final String UPDATE = "Copy the region into the block, or rewrite every block from its source with "
			+ "./mvnw -pl sample-app -am test -Dtest=DocumentationSnippetsTests -Dsurefire.failIfNoSpecifiedTests=false "
			+ "-Dsnippets.update=true";

	private final Path root;

	Snippets(Path root) {
		this.root = root;
	}

	/**
	 * Find the repository's root: the first directory, from the working directory up,
	 * that holds the Maven wrapper.
	 * @return the root
	 */
	static Path repositoryRoot() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("README.md"))) {
				return dir;
			}
		}
		throw new IllegalStateException("No directory above " + Path.of("").toAbsolutePath() + " holds mvnw");
	}

	/**
	 * Return every Markdown document of the repository, build output excepted.
	 * @return the documents, relative to the root
	 */
	List<Path> documents() {
		try (Stream<Path> files = Files.walk(this.root)) {
			return files.filter((file) -> file.toString().endsWith(".md"))
				.map(this.root::relativize)
				.filter(Snippets::isSource)
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isSource(Path document) {
		for (Path part : document) {
			String name = part.toString();
			if (name.equals("target") || name.equals("node_modules") || name.startsWith(".")) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Return the code blocks of a document.
	 * @param document the document, relative to the root
	 * @return its blocks, in order
	 */
	List<Block> blocks(Path document) {
		List<String> lines = readLines(this.root.resolve(document));
		List<Block> blocks = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher fence = FENCE.matcher(lines.get(i));
			if (fence.matches()) {
				int end = closingFence(lines, i, fence.group(1));
				Matcher marker = (i > 0) ? MARKER.matcher(lines.get(i - 1)) : null;
				String source = (marker != null && marker.matches()) ? marker.group(1) : null;
				List<String> body = lines.subList(i + 1, end).stream().map((line) -> strip(line, fence.group(1))).toList();
				blocks.add(new Block(document, i + 1, end + 1, fence.group(2), source, body));
				i = end;
			}
		}
		return blocks;
	}

	private static int closingFence(List<String> lines, int opening, String indent) {
		for (int i = opening + 1; i < lines.size(); i++) {
			if (lines.get(i).equals(indent + "```")) {
				return i;
			}
		}
		return lines.size();
	}

	private static String strip(String line, String indent) {
		return line.startsWith(indent) ? line.substring(indent.length()) : line.strip();
	}

	/**
	 * Return the lines a marker names.
	 * @param source the marker's value, {@code path} or {@code path#tag}
	 * @return the lines, without tag lines and common indentation
	 * @throws IllegalArgumentException if the file or the tag does not exist
	 */
	List<String> region(String source) {
		int hash = source.indexOf('#');
		String path = (hash >= 0) ? source.substring(0, hash) : source;
		Path file = this.root.resolve(path);
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException("there is no file " + path);
		}
		List<String> lines = readLines(file);
		return (hash >= 0) ? tagged(lines, source.substring(hash + 1), path) : deindent(lines);
	}

	// a tag may mark several regions, such as three methods without their Javadoc: they
	// are joined a blank line apart (one, not two), each without its own indentation
	private static List<String> tagged(List<String> lines, String tag, String path) {
		List<String> region = new ArrayList<>();
		int start = find(lines, "tag::" + tag + "[]", 0);
		if (start < 0) {
			throw new IllegalArgumentException(path + " has no line with tag::" + tag + "[]");
		}
		while (start >= 0) {
			int end = find(lines, "end::" + tag + "[]", start);
			if (end < 0) {
				throw new IllegalArgumentException(path + " has no line with end::" + tag + "[]");
			}
			List<String> part = deindent(lines.subList(start + 1, end));
			if (!region.isEmpty() && !region.get(region.size() - 1).isEmpty() && !part.isEmpty()
					&& !part.get(0).isEmpty()) {
				region.add("");
			}
			region.addAll(part);
			start = find(lines, "tag::" + tag + "[]", end);
		}
		return region;
	}

	private static int find(List<String> lines, String tag, int from) {
		for (int i = from; i < lines.size(); i++) {
			if (lines.get(i).contains(tag)) {
				return i;
			}
		}
		return -1;
	}

	private static List<String> deindent(List<String> region) {
		List<String> lines = region.stream().filter((line) -> !TAG_LINE.matcher(line).matches()).toList();
		int indent = lines.stream()
			.filter((line) -> !line.isBlank())
			.mapToInt((line) -> line.length() - line.stripLeading().length())
			.min()
			.orElse(0);
		return lines.stream().map((line) -> line.isBlank() ? "" : line.substring(indent)).toList();
	}

	/**
	 * Check a block against its source.
	 * @param block the block
	 * @return what is wrong with it, if anything
	 */
	Optional<String> problem(Block block) {
		String source = block.source();
		if (source == null) {
			return "java".equals(block.language()) ? Optional.of(block.location() + ": this java block names no source. "
					+ "Put <!-- snippet: path/from/the/root/File.java#tag --> on the line before its fence, and mark "
					+ "the region in that file with // tag::tag[] and // end::tag[]") : Optional.empty();
		}
		List<String> expected;
		try {
			expected = region(source);
		}
		catch (IllegalArgumentException ex) {
			return Optional.of(block.location() + ": the block's marker names " + source + ", but " + ex.getMessage()
					+ ". Fix the marker, or mark the region in the file with tag::<tag>[] and end::<tag>[]");
		}
		return difference(block.body(), expected).map((line) -> block.location() + ": this block differs from "
				+ source + " at its line " + (line + 1) + ": the source has `" + lineOf(expected, line)
				+ "` but the block has `" + lineOf(block.body(), line) + "`. " + UPDATE);
	}

	private static Optional<Integer> difference(List<String> actual, List<String> expected) {
		for (int i = 0; i < Math.max(actual.size(), expected.size()); i++) {
			if (!lineOf(actual, i).equals(lineOf(expected, i)) || i >= actual.size() || i >= expected.size()) {
				return Optional.of(i);
			}
		}
		return Optional.empty();
	}

	private static String lineOf(List<String> lines, int index) {
		return (index < lines.size()) ? lines.get(index) : "(no more lines)";
	}

	/**
	 * Replace the body of each given block by the lines of its source.
	 * @param document the document, relative to the root
	 * @param blocks blocks of that document
	 */
	void rewrite(Path document, List<Block> blocks) {
		Path file = this.root.resolve(document);
		List<String> lines = new ArrayList<>(readLines(file));
		for (int i = blocks.size() - 1; i >= 0; i--) {
			Block block = blocks.get(i);
			if (block.source() == null || !canRead(block.source())) {
				continue;
			}
			String indent = FENCE.matcher(lines.get(block.line() - 1)).replaceFirst("$1");
			List<String> body = region(String.valueOf(block.source())).stream()
				.map((line) -> line.isEmpty() ? line : indent + line)
				.toList();
			lines.subList(block.line(), block.end() - 1).clear();
			lines.addAll(block.line(), body);
		}
		try {
			Files.write(file, lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private boolean canRead(String source) {
		try {
			region(source);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static List<String> readLines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A fenced code block.
	 *
	 * @param document the document, relative to the root
	 * @param line the line of its opening fence, from 1
	 * @param end the line of its closing fence, from 1
	 * @param language the language of the fence, empty if none
	 * @param source the source its marker names, if it has one
	 * @param body its lines, without the fence's indentation
	 */
	record Block(Path document, int line, int end, String language, @Nullable String source, List<String> body) {

		String location() {
			return this.document + ":" + this.line;
		}

	}

}
