package dev.executor.process;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import dev.executor.ExecutorSpec;
import dev.executor.ExecutorSpec.ProcessSpec;
import dev.executor.spi.ApplicationContextSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the class data sharing archive of worker processes: written by a training
 * run when the first pool starts, mapped by the workers of later pools, never in the way
 * of a worker when it is damaged, and not used when turned off or impossible. The JVM
 * archives only jar files, so these pools start their workers on a copy of the test
 * class path with every directory packed into a jar.
 */
class WorkerArchiveTests {

	private static final String ARCHIVE_OPTION = (Runtime.version().feature() >= 25) ? "-XX:AOTCache="
			: "-XX:SharedArchiveFile=";

	// a class that only an archive of the application holds, at the top of the JDK's own
	// archive on Java 17
	private static final String FROM_ARCHIVE = " source: shared objects file";

	@TempDir
	static Path classPathDir;

	private static String jarClassPath;

	@TempDir
	Path tempDir;

	private final List<ProcessPool> pools = new ArrayList<>();

	@BeforeAll
	static void packClassPath() throws IOException {
		List<String> entries = new ArrayList<>();
		for (File entry : classPathEntries()) {
			if (entry.isDirectory()) {
				Path jar = classPathDir.resolve(entries.size() + ".jar");
				pack(entry.toPath(), jar);
				entries.add(jar.toString());
			}
			else {
				entries.add(entry.toString());
			}
		}
		jarClassPath = String.join(File.pathSeparator, entries);
	}

	@AfterEach
	void shutDownPools() throws InterruptedException {
		for (ProcessPool pool : this.pools) {
			pool.shutdown();
			pool.awaitTermination(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void firstPoolShouldCreateTheArchiveAndTheWorkersOfTheNextShouldLoadTheirClassesFromIt() throws Exception {
		Path archives = this.tempDir.resolve("archives");
		ProcessSpec process = spec(archives, "-Xlog:class+load=info:file=" + this.tempDir.resolve("classes-%p.log"));
		ProcessPool first = pool(process);
		Path archive = awaitArchive(first);
		assertThat(archive.getParent()).isEqualTo(archives);
		ProcessPool second = pool(process);
		long pid = run(second, () -> ProcessHandle.current().pid());
		assertThat(run(second, WorkerArchiveTests::inputArguments)).contains(ARCHIVE_OPTION + archive);
		assertThat(this.tempDir.resolve("classes-" + pid + ".log")).content()
			.contains(WorkerMain.class.getName() + FROM_ARCHIVE);
	}

	@Test
	void poolThatRunsJobCallsShouldCreateAnArchiveWithTheApplicationContextForTheWorkersOfTheNext()
			throws Exception {
		Path archives = this.tempDir.resolve("archives");
		ProcessSpec process = spec(archives, "-Xlog:class+load=info:file=" + this.tempDir.resolve("classes-%p.log"));
		ProcessPool first = pool(process);
		Path base = awaitArchive(first);
		first.jobContext(applicationBeanFactory());
		WorkerArchive withApplication = first.command().archive().forApplication("archived");
		Path archive = await().atMost(Duration.ofSeconds(60)).until(withApplication::file, Objects::nonNull);
		assertThat(archive).isNotEqualTo(base);
		ProcessPool second = pool(process);
		ApplicationContextSource jobContext = second.jobContext(applicationBeanFactory());
		long pid = run(second, () -> ProcessHandle.current().pid());
		assertThat(run(second, WorkerArchiveTests::inputArguments)).contains(ARCHIVE_OPTION + archive);
		assertThat(run(second, () -> jobContext.context().getBeanNamesForType(TrainingApplication.class))).hasSize(1);
		assertThat(this.tempDir.resolve("classes-" + pid + ".log")).content()
			.contains(SpringApplication.class.getName() + FROM_ARCHIVE);
	}

	@Test
	void workersOfThePoolThatCreatesTheArchiveShouldStartWithoutIt() throws Exception {
		ProcessPool pool = pool(spec(this.tempDir.resolve("archives")));
		assertThat(run(pool, WorkerArchiveTests::inputArguments)).noneMatch((option) -> option.startsWith(ARCHIVE_OPTION));
	}

	@Test
	void truncatedArchiveShouldNotBeMapped() throws Exception {
		ProcessSpec process = spec(this.tempDir.resolve("archives"));
		Path archive = awaitArchive(pool(process));
		truncate(archive);
		ProcessPool pool = pool(process);
		assertThat(run(pool, WorkerArchiveTests::inputArguments)).noneMatch((option) -> option.startsWith(ARCHIVE_OPTION));
	}

	@Test
	void archiveThatAWorkerCannotStartWithShouldBeDeletedAndTheWorkerStartedWithoutIt() throws Exception {
		// Java 17 crashes on this archive, later versions start without it
		ProcessSpec process = spec(this.tempDir.resolve("archives"),
				"-XX:ErrorFile=" + this.tempDir.resolve("hs_err_%p.log"));
		Path archive = awaitArchive(pool(process));
		byte[] truncated = truncate(archive);
		String name = archive.getFileName().toString();
		Path sizedAsTruncated = archive
			.resolveSibling(name.substring(0, name.lastIndexOf('-') + 1) + truncated.length + extension(name));
		Files.move(archive, sizedAsTruncated);
		ProcessPool pool = pool(process);
		assertThat(run(pool, () -> "still working")).isEqualTo("still working");
		if (Runtime.version().feature() == 17) {
			assertThat(sizedAsTruncated).doesNotExist();
		}
	}

	@Test
	void archiveThatIsNotAnArchiveShouldNotKeepWorkersFromStarting() throws Exception {
		ProcessSpec process = spec(this.tempDir.resolve("archives"));
		Path archive = awaitArchive(pool(process));
		Files.delete(archive);
		String notAnArchive = "not an archive";
		String name = archive.getFileName().toString();
		Files.writeString(archive.resolveSibling(name.substring(0, name.lastIndexOf('-') + 1) + notAnArchive.length()
				+ extension(name)), notAnArchive);
		ProcessPool pool = pool(process);
		assertThat(run(pool, () -> "still working")).isEqualTo("still working");
	}

	@Test
	void filesThatTrainingRunsOfEndedApplicationsLeftShouldBeDeletedByTheNext() throws Exception {
		Path archives = Files.createDirectories(this.tempDir.resolve("archives"));
		ProcessSpec process = spec(archives);
		WorkerArchive archive = WorkerCommand.forClassPath(process, jarClassPath).archive();
		assertThat(archive).isNotNull();
		String fileName = Path.of(archive.toString()).getFileName().toString();
		String name = fileName.substring(0, fileName.indexOf("-<size>"));
		Process ended = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-version")
			.start();
		ended.waitFor(60, TimeUnit.SECONDS);
		Path abandoned = Files.createFile(archives.resolve(name + "." + ended.pid() + "-1.tmp"));
		Path abandonedConfig = Files.createFile(archives.resolve(name + "." + ended.pid() + "-2.tmp.config"));
		Path stillTraining = Files.createFile(archives.resolve(name + "." + ProcessHandle.current().pid() + "-0.tmp"));
		pool(process);
		assertThat(abandoned).doesNotExist();
		assertThat(abandonedConfig).doesNotExist();
		assertThat(stillTraining).exists();
	}

	@Test
	void classDataSharingWhenDisabledShouldNeitherCreateNorUseAnArchive() throws Exception {
		Path archives = this.tempDir.resolve("archives");
		ProcessSpec process = new ProcessSpec(List.of(), null, null, true, false, archives);
		ProcessPool pool = pool(process);
		assertThat(run(pool, WorkerArchiveTests::inputArguments)).noneMatch((option) -> option.startsWith(ARCHIVE_OPTION)
				|| option.contains("ArchiveClassesAtExit") || option.contains("AOTCacheOutput"));
		assertThat(archives).doesNotExist();
	}

	@Test
	void classPathWithADirectoryShouldHaveNoArchive() {
		WorkerCommand command = WorkerCommand.forClassPath(spec(this.tempDir.resolve("archives")),
				jarClassPath + File.pathSeparator + classPathDir);
		assertThat(command.archive()).isNull();
	}

	@Test
	void jvmArgsThatChooseAnArchiveShouldHaveNoArchiveOfTheExecutor() {
		WorkerCommand command = WorkerCommand.forClassPath(
				spec(this.tempDir.resolve("archives"), "-XX:SharedArchiveFile=" + this.tempDir.resolve("own.jsa")),
				jarClassPath);
		assertThat(command.archive()).isNull();
	}

	@Test
	void otherJvmArgsShouldHaveAnotherArchive() {
		Path archives = this.tempDir.resolve("archives");
		WorkerArchive small = WorkerCommand.forClassPath(spec(archives, "-Xmx64m"), jarClassPath).archive();
		WorkerArchive large = WorkerCommand.forClassPath(spec(archives, "-Xmx128m"), jarClassPath).archive();
		assertThat(small).isNotNull();
		assertThat(large).isNotNull();
		assertThat(small).doesNotHaveToString(large.toString());
	}

	private ProcessSpec spec(Path archives, String... jvmArgs) {
		return new ProcessSpec(List.of(jvmArgs), null, null, true, true, archives);
	}

	private ProcessPool pool(ProcessSpec process) {
		ExecutorSpec spec = ExecutorSpec.builder("archived").type(ProcessBackend.NAME).process(process).build();
		ProcessPool pool = new ProcessPool(spec, getClass().getClassLoader(),
				WorkerCommand.forClassPath(process, jarClassPath));
		this.pools.add(pool);
		return pool;
	}

	private static Path awaitArchive(ProcessPool pool) {
		WorkerArchive archive = pool.command().archive();
		assertThat(archive).isNotNull();
		return await().atMost(Duration.ofSeconds(60)).until(archive::file, Objects::nonNull);
	}

	private static String extension(String name) {
		return name.substring(name.lastIndexOf('.'));
	}

	private static byte[] truncate(Path archive) throws IOException {
		byte[] truncated = Arrays.copyOf(Files.readAllBytes(archive), (int) (Files.size(archive) / 3));
		Files.delete(archive);
		Files.write(archive, truncated);
		return truncated;
	}

	private static <T> T run(ProcessPool pool, SerializableCallable<T> task) throws Exception {
		return pool.submit(pool.adapt(task)).get(60, TimeUnit.SECONDS);
	}

	private static DefaultListableBeanFactory applicationBeanFactory() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerBeanDefinition("application", new RootBeanDefinition(TrainingApplication.class));
		beanFactory.registerSingleton("environment", new StandardEnvironment());
		return beanFactory;
	}

	private static List<String> inputArguments() {
		return new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
	}

	private static List<File> classPathEntries() throws IOException {
		List<File> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			File file = new File(entry);
			entries.add(file);
			if (file.isFile()) {
				entries.addAll(manifestClassPath(file));
			}
		}
		return entries;
	}

	private static List<File> manifestClassPath(File jar) throws IOException {
		try (JarFile jarFile = new JarFile(jar)) {
			String classPath = (jarFile.getManifest() != null)
					? jarFile.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH) : null;
			List<File> files = new ArrayList<>();
			if (classPath != null) {
				for (String entry : classPath.trim().split("\\s+")) {
					files.add(new File(URI.create(jar.toURI().resolve(entry).toString())));
				}
			}
			return files;
		}
	}

	private static void pack(Path directory, Path jar) throws IOException {
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
				Stream<Path> files = Files.walk(directory)) {
			for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
				out.putNextEntry(new JarEntry(directory.relativize(file).toString().replace(File.separatorChar, '/')));
				Files.copy(file, out);
				out.closeEntry();
			}
		}
	}

	interface SerializableCallable<T> extends Callable<T>, Serializable {

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	static class TrainingApplication {

	}

}
