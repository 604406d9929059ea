package dev.executor.process;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

import org.jspecify.annotations.Nullable;

/**
 * Java serialisation to and from byte arrays, resolving classes with a given class
 * loader so that it also works inside a Spring Boot fat jar.
 */
final class Serialization {

	private Serialization() {
	}

	static byte[] serialize(@Nullable Object value) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		return bytes.toByteArray();
	}

	static @Nullable Object deserialize(byte[] bytes, ClassLoader classLoader)
			throws IOException, ClassNotFoundException {
		try (ObjectInputStream in = new ClassLoaderObjectInputStream(new ByteArrayInputStream(bytes), classLoader)) {
			return in.readObject();
		}
	}

	private static final class ClassLoaderObjectInputStream extends ObjectInputStream {

		private final ClassLoader classLoader;

		ClassLoaderObjectInputStream(InputStream in, ClassLoader classLoader) throws IOException {
			super(in);
			this.classLoader = classLoader;
		}

		@Override
		protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
			try {
				return Class.forName(description.getName(), false, this.classLoader);
			}
			catch (ClassNotFoundException ex) {
				return super.resolveClass(description);
			}
		}

	}

}
