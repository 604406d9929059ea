package dev.executor.docs;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.executor.docs.Snippets.Block;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the code blocks of {@code README.md} and {@code docs/} equal to the compiled code
 * they show. Run with {@code -Dsnippets.update=true} to rewrite every block from its
 * source instead.
 */
class DocumentationSnippetsTests {

	private final Snippets snippets = new Snippets(Snippets.repositoryRoot());

	@Test
	void readmeAndDocsShouldHoldSnippets() {
		assertThat(this.snippets.documents()).contains(Path.of("README.md"), Path.of("docs", "configuration.md"));
		assertThat(blocks().stream().filter((block) -> block.source() != null)).hasSizeGreaterThan(20);
	}

	@Test
	void everyJavaBlockShouldNameItsSource() {
		List<String> problems = blocks().stream()
			.filter((block) -> block.source() == null)
			.flatMap((block) -> this.snippets.problem(block).stream())
			.toList();
		assertThat(problems).withFailMessage(() -> String.join("\n", problems)).isEmpty();
	}

	@Test
	void everyBlockShouldMatchTheCodeItNames() {
		if (Boolean.getBoolean("snippets.update")) {
			this.snippets.documents().forEach((document) -> this.snippets.rewrite(document, blocks(document).stream()
				.filter((block) -> block.source() != null && this.snippets.problem(block).isPresent())
				.toList()));
		}
		List<String> problems = blocks().stream()
			.filter((block) -> block.source() != null)
			.map(this.snippets::problem)
			.flatMap(Optional::stream)
			.toList();
		assertThat(problems).withFailMessage(() -> String.join("\n", problems)).isEmpty();
	}

	private List<Block> blocks() {
		return this.snippets.documents().stream().flatMap((document) -> blocks(document).stream()).toList();
	}

	private List<Block> blocks(Path document) {
		return this.snippets.blocks(document);
	}

}
