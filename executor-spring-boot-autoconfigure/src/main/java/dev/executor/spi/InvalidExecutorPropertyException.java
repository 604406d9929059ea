package dev.executor.spi;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginProvider;

/**
 * Thrown at start-up when an {@code executor.*} property has a value that cannot be used.
 * It names the property, the value, what is wrong and how to fix it, and, when known,
 * where the value was written.
 */
public class InvalidExecutorPropertyException extends IllegalStateException implements OriginProvider {

	private final String property;

	private final @Nullable Object value;

	private final String reason;

	private final String action;

	private final @Nullable Origin origin;

	/**
	 * Create a new instance.
	 * @param property the full name of the property
	 * @param value the bad value, {@code null} if the property is missing
	 * @param reason what is wrong with the value
	 * @param action how to fix it
	 */
	public InvalidExecutorPropertyException(String property, @Nullable Object value, String reason, String action) {
		this(property, value, null, reason, action);
	}

	/**
	 * Create a new instance that says where the value was written.
	 * @param property the full name of the property, as written
	 * @param value the bad value as written, {@code null} if the property is missing
	 * @param origin where the value was written, {@code null} if unknown
	 * @param reason what is wrong with the value
	 * @param action how to fix it
	 * @since 0.1.0
	 */
	public InvalidExecutorPropertyException(String property, @Nullable Object value, @Nullable Origin origin,
			String reason, String action) {
		super("Invalid value '" + value + "' for property '" + property + "': " + reason);
		this.property = property;
		this.value = value;
		this.origin = origin;
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

	/**
	 * Return where the value was written.
	 * @return the origin, or {@code null} if unknown
	 */
	@Override
	public @Nullable Origin getOrigin() {
		return this.origin;
	}

}
