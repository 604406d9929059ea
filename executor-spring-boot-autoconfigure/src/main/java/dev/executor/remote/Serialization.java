package dev.executor.remote;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.ObjectStreamConstants;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.executor.RemoteTaskException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Java serialisation between an application and its workers. Both ends run the same
 * classes, so the stream names each class and its {@code serialVersionUID} instead of
 * describing its fields, and the reading end uses its own description: that halves the
 * cost of a small task. Classes are resolved with the given class loader, so that it also
 * works inside a Spring Boot fat jar. Shared with the other executor types whose tasks
 * leave the JVM.
 * <p>
 * Array classes, such as the captured arguments of every lambda, are the exception:
 * they travel with the standard description (an empty name marks it), whose
 * {@code serialVersionUID} is 0. Java serialisation does not compare the
 * {@code serialVersionUID} of an array class, and computing one, a digest of the class
 * name, costs a new JVM the start of its security providers: about 12 ms of a worker's
 * first task.
 */
public final class Serialization {

	// in place of a class name: the standard description of an array class follows
	private static final String STANDARD_DESCRIPTION = "";

	private final ClassLoader classLoader;

	private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

	/**
	 * Create an instance that reads with the given class loader.
	 * @param classLoader the class loader of the classes read
	 */
	public Serialization(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	/**
	 * Return the class loader that reads values when none is given: Spring's default
	 * one, which is that of the thread, or else the one of these classes.
	 * @return the class loader
	 */
	public static ClassLoader defaultClassLoader() {
		ClassLoader classLoader = ClassUtils.getDefaultClassLoader();
		return (classLoader != null) ? classLoader : Serialization.class.getClassLoader();
	}

	/**
	 * Serialise a value.
	 * @param value the value
	 * @return its bytes
	 * @throws IOException if it cannot be serialised
	 */
	public static byte[] serialize(@Nullable Object value) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
		try (ObjectOutputStream out = new NamingObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		return bytes.toByteArray();
	}

	/**
	 * Read a value serialised by {@link #serialize(Object)}.
	 * @param bytes the bytes
	 * @return the value
	 * @throws IOException if it cannot be read
	 * @throws ClassNotFoundException if one of its classes is missing
	 */
	public @Nullable Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
		try (ObjectInputStream in = new NamingObjectInputStream(new ByteArrayInputStream(bytes))) {
			return in.readObject();
		}
	}

	private Class<?> load(String name) throws ClassNotFoundException {
		Class<?> type = this.classes.get(name);
		if (type == null) {
			type = Class.forName(name, false, this.classLoader);
			this.classes.put(name, type);
		}
		return type;
	}

	/**
	 * Return a serialisable stand-in for an exception that cannot be serialised, with its
	 * class name, message, stack trace and causes.
	 * @param failure the exception
	 * @return the stand-in
	 */
	public static RemoteTaskException standIn(Throwable failure) {
		Throwable cause = failure.getCause();
		RemoteTaskException standIn = new RemoteTaskException(failure.getClass().getName(), failure.getMessage(),
				(cause != null && cause != failure) ? standIn(cause) : null);
		standIn.setStackTrace(failure.getStackTrace());
		return standIn;
	}

	private static final class NamingObjectOutputStream extends ObjectOutputStream {

		NamingObjectOutputStream(OutputStream out) throws IOException {
			super(out);
		}

		@Override
		protected void writeClassDescriptor(ObjectStreamClass description) throws IOException {
			Class<?> type = description.forClass();
			if (type != null && type.isArray()) {
				// the standard description of a class without fields
				writeUTF(STANDARD_DESCRIPTION);
				writeUTF(description.getName());
				writeLong(0L);
				writeByte(ObjectStreamConstants.SC_SERIALIZABLE);
				writeShort(0);
				return;
			}
			writeUTF(description.getName());
			writeLong(description.getSerialVersionUID());
		}

	}

	private final class NamingObjectInputStream extends ObjectInputStream {

		NamingObjectInputStream(InputStream in) throws IOException {
			super(in);
		}

		@Override
		protected ObjectStreamClass readClassDescriptor() throws IOException, ClassNotFoundException {
			String name = readUTF();
			if (name.equals(STANDARD_DESCRIPTION)) {
				return super.readClassDescriptor();
			}
			long serialVersionUid = readLong();
			ObjectStreamClass local = ObjectStreamClass.lookupAny(load(name));
			if (local.getSerialVersionUID() != serialVersionUid) {
				throw new InvalidClassException(name, "the worker and the application have different versions of "
						+ "the class (serialVersionUID " + serialVersionUid + " and " + local.getSerialVersionUID()
						+ ")");
			}
			return local;
		}

		@Override
		protected Class<?> resolveClass(ObjectStreamClass description) throws ClassNotFoundException {
			return load(description.getName());
		}

	}

}
