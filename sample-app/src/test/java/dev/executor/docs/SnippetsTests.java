package dev.executor.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.executor.docs.Snippets.Block;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link Snippets}: the check behind {@link DocumentationSnippetsTests}.
 */
class SnippetsTests {

	private static final List<String> SOURCE = List.of("class Example {", "", "\t// tag::call[]",
			"\tvoid call() {", "\t\trun();", "\t}", "\t// end::call[]", "", "}");

	@TempDir
	Path root;

	@Test
	void regionShouldLeaveOutItsTagLinesAndTheIndentationItsLinesShare() throws IOException {
		write("src/Example.java", SOURCE);
		assertThat(snippets().region("src/Example.java#call")).containsExactly("void call() {", "\trun();", "}");
	}

	@Test
	void tagMarkingSeveralRegionsShouldJoinThemABlankLineApartEachWithoutItsIndentation() throws IOException {
		write("src/Example.java", List.of("class Example {", "\t// tag::both[]", "\tvoid a() {", "\t}",
				"\t// end::both[]", "\t/** Not shown. */", "\tclass Inner {", "\t\t// tag::both[]", "\t\tvoid b() {",
				"\t\t}", "\t\t// end::both[]", "\t}", "}"));
		assertThat(snippets().region("src/Example.java#both")).containsExactly("void a() {", "}", "", "void b() {",
				"}");
	}

	@Test
	void regionsJoinedWhereOneEndsWithABlankLineShouldStayOneBlankLineApart() throws IOException {
		write("src/Example.java", List.of("class Example {", "\t// tag::class[]", "\tvoid a() {", "\t}",
				"\t// end::class[]", "\tvoid hidden() {", "\t}", "\t// tag::class[]", "", "}", "// end::class[]"));
		assertThat(snippets().region("src/Example.java#class")).containsExactly("void a() {", "}", "", "}");
	}

	@Test
	void wholeFileShouldLeaveOutTagLines() throws IOException {
		write("src/Example.java", SOURCE);
		assertThat(snippets().region("src/Example.java")).containsExactly("class Example {", "", "\tvoid call() {",
				"\t\trun();", "\t}", "", "}");
	}

	@Test
	void blockEqualToItsRegionShouldPass() throws IOException {
		write("src/Example.java", SOURCE);
		write("doc.md", List.of("<!-- snippet: src/Example.java#call -->", "```java", "void call() {", "\trun();", "}",
				"```"));
		assertThat(snippets().problem(onlyBlock())).isEmpty();
	}

	@Test
	void javaBlockWithoutMarkerShouldBeReportedWithItsLineAndTheFix() throws IOException {
		write("doc.md", List.of("# Title", "", "```java", "run();", "```"));
		assertThat(snippets().problem(onlyBlock())).contains("doc.md:3: this java block names no source. Put "
				+ "<!-- snippet: path/from/the/root/File.java#tag --> on the line before its fence, and mark the "
				+ "region in that file with // tag::tag[] and // end::tag[]");
	}

	@Test
	void yamlBlockWithoutMarkerShouldPass() throws IOException {
		write("doc.md", List.of("```yaml", "executor:", "  max-workers: 2", "```"));
		assertThat(snippets().problem(onlyBlock())).isEmpty();
	}

	@Test
	void blockThatDiffersFromItsRegionShouldBeReportedAtItsFirstDifferentLine() throws IOException {
		write("src/Example.java", SOURCE);
		write("doc.md", List.of("", "<!-- snippet: src/Example.java#call -->", "```java", "void call() {",
				"\trunFast();", "}", "```"));
		assertThat(snippets().problem(onlyBlock())).contains("doc.md:3: this block differs from "
				+ "src/Example.java#call at its line 2: the source has `\trun();` but the block has `\trunFast();`. "
				+ "Copy the region into the block, or rewrite every block from its source with ./mvnw -pl sample-app "
				+ "-am test -Dtest=DocumentationSnippetsTests -Dsurefire.failIfNoSpecifiedTests=false "
				+ "-Dsnippets.update=true");
	}

	@Test
	void blockShorterThanItsRegionShouldBeReported() throws IOException {
		write("src/Example.java", SOURCE);
		write("doc.md", List.of("<!-- snippet: src/Example.java#call -->", "```java", "void call() {", "\trun();",
				"```"));
		assertThat(snippets().problem(onlyBlock())).hasValueSatisfying((problem) -> assertThat(problem)
			.startsWith("doc.md:2: this block differs from src/Example.java#call at its line 3: the source has `}` "
					+ "but the block has `(no more lines)`."));
	}

	@Test
	void markerNamingAMissingTagShouldBeReported() throws IOException {
		write("src/Example.java", SOURCE);
		write("doc.md", List.of("<!-- snippet: src/Example.java#cal -->", "```java", "```"));
		assertThat(snippets().problem(onlyBlock())).contains("doc.md:2: the block's marker names "
				+ "src/Example.java#cal, but src/Example.java has no line with tag::cal[]. Fix the marker, or mark the "
				+ "region in the file with tag::<tag>[] and end::<tag>[]");
	}

	@Test
	void markerNamingAMissingFileShouldBeReported() throws IOException {
		write("doc.md", List.of("<!-- snippet: src/Missing.java -->", "```java", "```"));
		assertThat(snippets().problem(onlyBlock())).contains("doc.md:2: the block's marker names src/Missing.java, "
				+ "but there is no file src/Missing.java. Fix the marker, or mark the region in the file with "
				+ "tag::<tag>[] and end::<tag>[]");
	}

	@Test
	void rewriteShouldReplaceTheBodyOfABlockWithItsRegion() throws IOException {
		write("src/Example.java", SOURCE);
		write("doc.md", List.of("Before", "<!-- snippet: src/Example.java#call -->", "```java", "stale();", "```",
				"After"));
		snippets().rewrite(Path.of("doc.md"), List.of(onlyBlock()));
		assertThat(this.root.resolve("doc.md")).hasContent(String.join("\n", "Before",
				"<!-- snippet: src/Example.java#call -->", "```java", "void call() {", "\trun();", "}", "```", "After"));
	}

	@Test
	void documentsShouldLeaveOutBuildOutput() throws IOException {
		write("README.md", List.of("# Readme"));
		write("docs/guide.md", List.of("# Guide"));
		write("module/target/classes/copied.md", List.of("# Copy"));
		assertThat(snippets().documents()).containsExactly(Path.of("README.md"), Path.of("docs/guide.md"));
	}

	private Snippets snippets() {
		return new Snippets(this.root);
	}

	private Block onlyBlock() {
		List<Block> blocks = snippets().blocks(Path.of("doc.md"));
		assertThat(blocks).hasSize(1);
		return blocks.get(0);
	}

	private void write(String path, List<String> lines) throws IOException {
		Path file = this.root.resolve(path);
		Files.createDirectories(file.getParent());
		Files.write(file, lines);
	}

}
