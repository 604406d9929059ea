package dev.executor.process;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.executor.ExecutorSpec.ProcessSpec;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The class data sharing archive of the worker JVMs of one command line: a file the JVM
 * maps at start instead of loading and verifying the classes it names one by one. A
 * short {@link ArchiveTraining training run} of a worker writes it when it exits (a
 * dynamic archive, {@code -XX:ArchiveClassesAtExit}, before Java 25, an AOT cache,
 * {@code -XX:AOTCacheOutput}, from Java 25 on) to a name of its own, which is then moved
 * into place under a name that ends with its size, so that no two JVMs ever write the
 * same file and no worker maps a file that is still being written or was cut short.
 * Workers started after that map it ({@code -XX:SharedArchiveFile},
 * {@code -XX:AOTCache}); should one not start with it, the archive is deleted and the
 * worker started without it.
 * <p>
 * The file name is a digest of what the JVM checks the archive against (the Java
 * installation and version, the worker's options and its class path with the size and
 * time of each jar), so that a new build or JDK gets an archive of its own instead of
 * one the JVM would refuse. The JVM can only archive a class path of jar files: with a
 * directory on it, such as {@code target/classes} in an IDE, workers start without an
 * archive (see {@link ClassPathDirectories}).
 */
final class WorkerArchive {

	private static final Log logger = LogFactory.getLog(WorkerArchive.class);

	private static final List<String> SHARING_OPTIONS = List.of("-Xshare:", "-XX:SharedArchiveFile",
			"-XX:ArchiveClassesAtExit", "-XX:+AutoCreateSharedArchive", "-XX:SharedClassListFile", "-XX:AOTCache",
			"-XX:AOTCacheOutput", "-XX:AOTConfiguration", "-XX:AOTMode",
			"-XX:DumpLoadedClassList");

	// Java 25 writes an AOT cache in one training run (JEP 514), which also holds the
	// classes linked, so that workers start faster than from a dynamic archive
	private static final boolean AOT_CACHE = Runtime.version().feature() >= 25;

	private static final String ARCHIVE_OPTION = AOT_CACHE ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";

	private static final String TRAINING_OPTION = AOT_CACHE ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=";

	private static final String EXTENSION = AOT_CACHE ? ".aot" : ".jsa";

	private static final Set<Path> training = ConcurrentHashMap.newKeySet();

	private static final Set<Path> failed = ConcurrentHashMap.newKeySet();

	private static final AtomicInteger trainingRuns = new AtomicInteger();

	private final Path directory;

	private final String name;

	private final Path key;

	private final String keyText;

	private WorkerArchive(Path directory, String keyText) {
		this.directory = directory;
		this.keyText = keyText;
		this.name = "worker-" + digest(keyText);
		this.key = directory.resolve(this.name);
	}

	/**
	 * Return the archive of workers started with the given options and class path.
	 * @param process the settings of the workers
	 * @param options the options of the worker JVMs
	 * @param classPath the class path of the workers
	 * @return the archive, or {@code null} if class data sharing is off, left to the
	 * options, or not possible with the class path
	 */
	static @Nullable WorkerArchive of(ProcessSpec process, List<String> options, String classPath) {
		if (!process.classDataSharing() || options.stream().anyMatch(WorkerArchive::isSharingOption)) {
			return null;
		}
		String directory = ClassPathDirectories.find(classPath);
		if (directory != null) {
			logger.debug("Worker processes start without a class data sharing archive: the class path holds the "
					+ "directory " + directory + " and only jar files can be archived");
			return null;
		}
		Path archives = (process.classDataSharingDirectory() != null) ? process.classDataSharingDirectory()
				: Path.of(System.getProperty("java.io.tmpdir"), "executor-workers-" + System.getProperty("user.name"));
		return new WorkerArchive(archives, keyText(options, classPath));
	}

	private static boolean isSharingOption(String option) {
		return SHARING_OPTIONS.stream().anyMatch(option::startsWith);
	}

	private static String keyText(List<String> options, String classPath) {
		StringBuilder key = new StringBuilder();
		key.append(System.getProperty("java.home")).append('\n').append(System.getProperty("java.vm.version"));
		options.forEach((option) -> key.append('\n').append(option));
		for (String entry : classPath.split(File.pathSeparator)) {
			File file = new File(entry);
			key.append('\n').append(entry).append(' ').append(file.length()).append(' ').append(file.lastModified());
		}
		return key.toString();
	}

	private static String digest(String keyText) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(keyText.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return the archive of the same workers once they also start the application
	 * context of job calls, which loads many more classes: an archive of its own, trained
	 * by a worker that starts that context. The application is the one on the class path,
	 * so that the workers of the next start, which start before the application is
	 * known, can map it too; it is an archive of one executor, since mapping a larger
	 * archive takes longer and the workers of other executors need no context.
	 * @param executorName the name of the executor
	 * @return the archive
	 */
	WorkerArchive forApplication(String executorName) {
		return new WorkerArchive(this.directory, this.keyText + "\napplication of executor " + executorName);
	}

	/**
	 * Return the archive file, if there is a complete one. Its name ends with its size,
	 * since the JVM of Java 17 crashes on an archive that is cut short instead of starting
	 * without it.
	 * @return the file, or {@code null} if there is none yet
	 */
	@Nullable Path file() {
		if (!Files.isDirectory(this.directory)) {
			return null;
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.directory, this.name + "-*" + EXTENSION)) {
			for (Path file : files) {
				if (isComplete(file) && isOwnedByThisUser(file)) {
					return file;
				}
			}
		}
		catch (IOException ex) {
			// none that can be read
		}
		return null;
	}

	private boolean isComplete(Path file) throws IOException {
		String fileName = file.getFileName().toString();
		String size = fileName.substring(this.name.length() + 1, fileName.length() - EXTENSION.length());
		return size.equals(Long.toString(Files.size(file)));
	}

	// an archive is code the workers run: one that another user could have put there is
	// not mapped
	private static boolean isOwnedByThisUser(Path file) {
		try {
			return Files.getOwner(file).getName().equals(System.getProperty("user.name"));
		}
		catch (IOException | UnsupportedOperationException ex) {
			return false;
		}
	}

	/**
	 * Return the options that make a worker JVM map this archive, none while there is
	 * none.
	 * @return the options
	 */
	List<String> options() {
		Path file = file();
		return (file != null) ? List.of(ARCHIVE_OPTION + file) : List.of();
	}

	/**
	 * Return the option that makes a training worker write the archive when it exits.
	 * @param written the file to write
	 * @return the option
	 */
	static String trainingOption(Path written) {
		return TRAINING_OPTION + written;
	}

	/**
	 * Return whether a worker started with the given options mapped this archive.
	 * @param options the options of the worker
	 * @return whether the worker was started with the archive
	 */
	boolean isUsedBy(List<String> options) {
		String option = ARCHIVE_OPTION + this.key + "-";
		return options.stream().anyMatch((candidate) -> candidate.startsWith(option));
	}

	/**
	 * Claim the training run that creates this archive, unless the archive exists or
	 * this JVM already trains it.
	 * @return the file the training worker writes, to be {@link #install installed}, or
	 * {@code null} if no training is needed
	 */
	@Nullable Path claimTraining() {
		if (failed.contains(this.key) || file() != null || !training.add(this.key)) {
			return null;
		}
		try {
			createDirectory(this.directory);
		}
		catch (IOException ex) {
			training.remove(this.key);
			logger.warn("Worker processes start without a class data sharing archive: cannot create "
					+ this.directory + " (" + ex + "); set executor.process.class-data-sharing.directory to a "
					+ "writable directory");
			return null;
		}
		deleteAbandoned();
		return this.directory.resolve(this.name + "." + ProcessHandle.current().pid() + "-"
				+ trainingRuns.incrementAndGet() + ".tmp");
	}

	// what the training runs of applications that ended before them left behind, with the
	// files the JVM writes next to an AOT cache while it trains
	private void deleteAbandoned() {
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.directory, this.name + ".*.tmp*")) {
			for (Path file : files) {
				String fileName = file.getFileName().toString();
				String owner = fileName.substring(this.name.length() + 1, fileName.indexOf('-', this.name.length()));
				if (!isAlive(owner)) {
					delete(file);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Could not clean up " + this.directory, ex);
		}
	}

	private static boolean isAlive(String pid) {
		try {
			return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
		}
		catch (NumberFormatException ex) {
			return true;
		}
	}

	private static void createDirectory(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			Files.createDirectories(directory);
			try {
				Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: its default permissions apply
			}
		}
	}

	/**
	 * Move what a training run wrote into place, or forget it.
	 * @param written the file the training worker wrote
	 * @param complete whether the training worker ended normally
	 */
	void install(Path written, boolean complete) {
		try {
			if (complete && Files.isRegularFile(written) && Files.size(written) > 0) {
				Path file = this.directory.resolve(this.name + "-" + Files.size(written) + EXTENSION);
				Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				logger.debug("Created class data sharing archive " + file + " for worker processes");
			}
			else {
				// whatever kept the JVM from writing it would again: once per application
				failed.add(this.key);
				logger.debug("The worker process that creates class data sharing archive " + this.key
						+ " did not write it; workers start without it");
			}
		}
		catch (IOException ex) {
			logger.debug("Could not create class data sharing archive " + this.key, ex);
		}
		finally {
			delete(written);
			training.remove(this.key);
		}
	}

	/**
	 * Stop using this archive: a worker started with it did not start.
	 */
	void discard() {
		Path file = file();
		if (file != null) {
			logger.warn("A worker process started with class data sharing archive " + file + " did not start; "
					+ "deleting the archive and starting workers without it");
			delete(file);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			logger.debug("Could not delete " + file, ex);
		}
	}

	@Override
	public String toString() {
		return this.key + "-<size>" + EXTENSION;
	}

}
