package dev.executor.remote;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Serialization}.
 */
class SerializationTests {

	private final Serialization serialization = new Serialization(getClass().getClassLoader());

	@Test
	void valuesOfOrdinaryClassesRecordsAndEnumsShouldTravel() throws Exception {
		Order order = order();
		Order read = (Order) this.serialization.deserialize(Serialization.serialize(order));
		assertThat(read).usingRecursiveComparison().isEqualTo(order);
		assertThat(read.status()).isSameAs(Status.OPEN);
	}

	@Test
	void arraysOfEveryKindShouldTravel() throws Exception {
		Object[] values = { new int[] { 1, 2, 3 }, new String[][] { { "a" }, { "b", null } }, new Object[] { 1L, "x" },
				new Line[0], List.of("y", 2) };
		Object[] read = (Object[]) this.serialization.deserialize(Serialization.serialize(values));
		assertThat(read).isEqualTo(values);
	}

	@Test
	void lambdasShouldTravelWithTheirCapturedArguments() throws Exception {
		int[] numbers = { 4, 5 };
		String name = "sum";
		Callable<String> task = (Callable<String> & Serializable) () -> name + "=" + (numbers[0] + numbers[1]);
		@SuppressWarnings("unchecked")
		Callable<String> read = (Callable<String>) this.serialization.deserialize(Serialization.serialize(task));
		assertThat(read.call()).isEqualTo("sum=9");
	}

	@Test
	void streamShouldNameClassesWithTheirSerialVersionUid() throws Exception {
		byte[] bytes = Serialization.serialize(order());
		long serialVersionUid = ObjectStreamClass.lookup(Order.class).getSerialVersionUID();
		assertThat(indexOf(bytes, Order.class.getName(), serialVersionUid)).isNotNegative();
	}

	@Test
	void streamShouldNotCarryTheSerialVersionUidOfArrays() throws Exception {
		// Java serialisation does not compare it, and computing it costs a new JVM
		byte[] bytes = Serialization.serialize(new String[] { "a" });
		long serialVersionUid = ObjectStreamClass.lookup(String[].class).getSerialVersionUID();
		assertThat(indexOf(bytes, String[].class.getName(), serialVersionUid)).isNegative();
		assertThat(indexOf(bytes, String[].class.getName(), 0L)).isNotNegative();
	}

	@Test
	void classWithAnotherSerialVersionUidShouldBeRefusedNamingBoth() throws Exception {
		byte[] bytes = Serialization.serialize(order());
		long serialVersionUid = ObjectStreamClass.lookup(Order.class).getSerialVersionUID();
		int index = indexOf(bytes, Order.class.getName(), serialVersionUid);
		ByteBuffer.wrap(bytes).putLong(index + 2 + Order.class.getName().length(), serialVersionUid + 1);
		assertThatExceptionOfType(InvalidClassException.class)
			.isThrownBy(() -> this.serialization.deserialize(bytes))
			.withMessageContaining(Order.class.getName())
			.withMessageContaining("serialVersionUID " + (serialVersionUid + 1) + " and " + serialVersionUid);
	}

	private static Order order() {
		return new Order("A-1", new Line[] { new Line("pen", 2), new Line("ink", 1) }, Status.OPEN);
	}

	// the position of a class name written with writeUTF followed by the given long
	private static int indexOf(byte[] bytes, String name, long value) throws IOException {
		for (int i = 0; i + 2 + name.length() + 8 <= bytes.length; i++) {
			DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, i, bytes.length - i));
			if (in.readUnsignedShort() == name.length()) {
				byte[] chars = new byte[name.length()];
				in.readFully(chars);
				if (new String(chars, StandardCharsets.UTF_8).equals(name) && in.readLong() == value) {
					return i;
				}
			}
		}
		return -1;
	}

	enum Status {

		OPEN, CLOSED

	}

	record Line(String item, int quantity) implements Serializable {
	}

	static final class Order implements Serializable {

		private final String id;

		private final Line[] lines;

		private final Status status;

		Order(String id, Line[] lines, Status status) {
			this.id = id;
			this.lines = lines;
			this.status = status;
		}

		Status status() {
			return this.status;
		}

	}

}
