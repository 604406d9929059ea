package dev.executor.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the links between {@code README.md} and the pages of {@code docs/} pointing at
 * files and headings that exist.
 */
class DocumentationLinksTests {

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	private static final Pattern HEADING = Pattern.compile("^#+ (.+)$");

	private final Path root = Snippets.repositoryRoot();

	private final Snippets snippets = new Snippets(this.root);

	@Test
	void everyLinkShouldReachAFileAndHeadingThatExist() {
		List<String> broken = new ArrayList<>();
		for (Path document : this.snippets.documents()) {
			List<String> lines = readLines(this.root.resolve(document));
			for (int i = 0; i < lines.size(); i++) {
				Matcher link = LINK.matcher(lines.get(i));
				while (link.find()) {
					String problem = problem(document, link.group(1));
					if (problem != null) {
						broken.add(document + ":" + (i + 1) + ": the link to " + link.group(1) + " " + problem);
					}
				}
			}
		}
		assertThat(broken).withFailMessage(() -> String.join("\n", broken)).isEmpty();
	}

	private String problem(Path document, String target) {
		if (target.contains("://") || target.startsWith("mailto:")) {
			return null;
		}
		int hash = target.indexOf('#');
		String path = (hash >= 0) ? target.substring(0, hash) : target;
		Path file = path.isEmpty() ? this.root.resolve(document) : this.root.resolve(document).resolveSibling(path);
		if (!Files.exists(file)) {
			return "reaches no file: fix the path, relative to " + document;
		}
		if (hash >= 0 && !anchors(file).contains(target.substring(hash + 1))) {
			return "reaches no heading of " + this.root.relativize(file.normalize()) + ": use one of " + anchors(file);
		}
		return null;
	}

	// the anchors GitHub gives headings: lower case, punctuation dropped, spaces as '-'
	private static List<String> anchors(Path file) {
		return readLines(file).stream()
			.map(HEADING::matcher)
			.filter(Matcher::matches)
			.map((heading) -> heading.group(1)
				.toLowerCase(Locale.ROOT)
				.replaceAll("[^\\p{L}\\p{N} _-]", "")
				.replace(' ', '-'))
			.toList();
	}

	private static List<String> readLines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
