package dev.executor;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Thrown when an executor is looked up by a name that is not configured.
 *
 * @see ManagedExecutors#get(String)
 */
public class NoSuchExecutorException extends IllegalArgumentException {

	private final String name;

	private final Set<String> knownNames;

	/**
	 * Create a new instance.
	 * @param name the unknown name
	 * @param knownNames the names of the executors that exist
	 */
	public NoSuchExecutorException(String name, Set<String> knownNames) {
		this(name, knownNames, "No executor named '" + name + "'; known executors are " + knownNames);
	}

	/**
	 * Create a new instance with a message that says where the name came from.
	 * @param name the unknown name
	 * @param knownNames the names of the executors that exist
	 * @param message the message
	 */
	public NoSuchExecutorException(String name, Set<String> knownNames, String message) {
		super(message);
		this.name = name;
		this.knownNames = Collections.unmodifiableSet(new LinkedHashSet<>(knownNames));
	}

	/**
	 * Return the name that was looked up.
	 * @return the unknown name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * Return the names of the executors that exist.
	 * @return the known names
	 */
	public Set<String> getKnownNames() {
		return this.knownNames;
	}

}
