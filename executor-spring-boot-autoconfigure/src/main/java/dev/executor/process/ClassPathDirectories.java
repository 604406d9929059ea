package dev.executor.process;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.jspecify.annotations.Nullable;

/**
 * Finds the directory on a class path that keeps the JVM from archiving it: class data
 * sharing maps only classes from jar files, and refuses to write an archive of a class
 * path that holds a directory with files in it.
 */
final class ClassPathDirectories {

	private static final Map<String, Optional<String>> directories = new ConcurrentHashMap<>();

	private ClassPathDirectories() {
	}

	/**
	 * Return a directory with files in it on the given class path. The JVM also follows
	 * the {@code Class-Path} of the jars' manifests, as in the jar that Maven's Surefire
	 * starts tests with; only that of a class path of a single jar is read, since a
	 * training run that fails on a directory listed elsewhere only costs that run.
	 * @param classPath the class path
	 * @return the directory, or {@code null} if there is none
	 */
	static @Nullable String find(String classPath) {
		return directories.computeIfAbsent(classPath, (key) -> Optional.ofNullable(findDirectory(key))).orElse(null);
	}

	private static @Nullable String findDirectory(String classPath) {
		String[] entries = classPath.split(File.pathSeparator);
		for (String entry : entries) {
			if (isNonEmptyDirectory(new File(entry))) {
				return entry;
			}
		}
		if (entries.length == 1) {
			for (File listed : manifestClassPath(new File(entries[0]))) {
				if (isNonEmptyDirectory(listed)) {
					return listed.toString();
				}
			}
		}
		return null;
	}

	private static boolean isNonEmptyDirectory(File file) {
		String[] children = file.isDirectory() ? file.list() : null;
		return children != null && children.length > 0;
	}

	private static List<File> manifestClassPath(File jar) {
		if (!jar.isFile()) {
			return List.of();
		}
		try (JarFile jarFile = new JarFile(jar)) {
			Manifest manifest = jarFile.getManifest();
			String entries = (manifest != null) ? manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH)
					: null;
			if (entries == null || entries.isBlank()) {
				return List.of();
			}
			List<File> files = new ArrayList<>();
			for (String entry : entries.trim().split("\\s+")) {
				URI uri = jar.toURI().resolve(entry);
				if ("file".equals(uri.getScheme())) {
					files.add(new File(uri));
				}
			}
			return files;
		}
		catch (IOException | IllegalArgumentException ex) {
			return List.of();
		}
	}

}
