package dev.executor.spi;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at start-up when an {@code executor.*} property has a value that cannot be used.
 * It names the property, the value, what is wrong and how to fix it.
 */
public class InvalidExecutorPropertyException extends IllegalStateException {

	private final String property;

	private final @Nullable Object value;

	private final String reason;

	private final String action;

	/**
	 * Create a new instance.
	 * @param property the full name of the property
	 * @param value the bad value, {@code null} if the property is missing
	 * @param reason what is wrong with the value
	 * @param action how to fix it
	 */
	public InvalidExecutorPropertyException(String property, @Nullable Object value, String reason, String action) {
		super("Invalid value '" + value + "' for property '" + property + "': " + reason);
		this.property = property;
		this.value = value;
		this.reason = reason;
		this.action = action;
	}

	/**
	 * Return the full name of the property.
	 * @return the property
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Return the bad value.
	 * @return the value, or {@code null} if the property is missing
	 */
	public @Nullable Object getValue() {
		return this.value;
	}

	/**
	 * Return what is wrong with the value.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * Return how to fix the value.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
