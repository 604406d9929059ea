package dev.executor.autoconfigure;

import java.beans.PropertyDescriptor;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;

/**
 * The keys under {@code executor} and under {@code executor.named.<name>}, such as
 * {@code max-workers} and {@code futures.store}, read from {@link ExecutorProperties} and
 * {@link ExecutorSettings} so that a new property is known without a second list.
 */
final class ExecutorKeys {

	private static final Set<String> GENERIC_WORDS = Set.of("enabled");

	private static final Set<String> TOP_LEVEL = Collections
		.unmodifiableSet(keys(ExecutorProperties.class, ExecutorProperties.class, ""));

	private static final Set<String> NAMED = Collections
		.unmodifiableSet(keys(ExecutorSettings.class, ExecutorSettings.class, ""));

	private ExecutorKeys() {
	}

	/**
	 * Return every key under {@code executor}, {@code named} included, in alphabetical
	 * order.
	 * @return the keys
	 */
	static Set<String> topLevel() {
		return TOP_LEVEL;
	}

	/**
	 * Return every key of a named executor, in alphabetical order.
	 * @return the keys
	 */
	static Set<String> named() {
		return NAMED;
	}

	/**
	 * Return the known key closest to the given one, if any is close enough to be what
	 * was meant: a few letters apart, or sharing a word such as {@code queue}.
	 * @param key the unknown key
	 * @param candidates the known keys
	 * @return the closest key, or {@code null}
	 */
	static @Nullable String closest(String key, Set<String> candidates) {
		int tolerance = Math.max(2, key.length() / 3);
		return candidates.stream()
			.filter((candidate) -> distance(key, candidate) <= tolerance || shareWord(key, candidate))
			.min(Comparator.comparingInt((String candidate) -> distance(key, candidate)))
			.orElse(null);
	}

	private static Set<String> keys(Class<?> type, Class<?> owner, String prefix) {
		Set<String> keys = new TreeSet<>();
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
			if (property.getReadMethod() == null || "class".equals(property.getName())) {
				continue;
			}
			String key = prefix + DataObjectPropertyName.toDashedForm(property.getName());
			if (isGroup(property.getPropertyType(), owner)) {
				keys.addAll(keys(property.getPropertyType(), owner, key + "."));
			}
			else {
				keys.add(key);
			}
		}
		return keys;
	}

	// a group is a nested class of the properties, or, for the top level, a class of
	// its own when the nested class would make the properties too long to read
	private static boolean isGroup(Class<?> type, Class<?> owner) {
		return (!type.isEnum() && declaredWithin(type, owner)) || type == ExecutorRetryProperties.class
				|| type == ExecutorDashboardProperties.class;
	}

	private static boolean declaredWithin(Class<?> type, Class<?> owner) {
		for (Class<?> declaring = type.getDeclaringClass(); declaring != null; declaring = declaring
			.getDeclaringClass()) {
			if (declaring == owner) {
				return true;
			}
		}
		return false;
	}

	// a word that ends keys of several groups says nothing about which one was meant
	private static boolean shareWord(String key, String candidate) {
		Set<String> words = words(candidate);
		return words(key).stream()
			.anyMatch((word) -> word.length() >= 4 && !GENERIC_WORDS.contains(word) && words.contains(word));
	}

	private static Set<String> words(String key) {
		return new TreeSet<>(Arrays.asList(key.split("[-.]")));
	}

	// Levenshtein distance: the number of letters to insert, delete or replace
	private static int distance(String from, String to) {
		int[] previous = new int[to.length() + 1];
		int[] current = new int[to.length() + 1];
		for (int j = 0; j <= to.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= from.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= to.length(); j++) {
				int replace = previous[j - 1] + ((from.charAt(i - 1) == to.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[to.length()];
	}

}
