package io.autobot.optimizer.agent.cache.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autobot.optimizer.agent.cache.CallKey;
import io.autobot.optimizer.agent.call.MethodMeta;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallCodecTest {

    private static final ClassLoader LOADER = CallCodecTest.class.getClassLoader();

    private final MethodMeta staticMethod = DiskMethods.method("com.example.A", "compute", "v1");
    private final MethodMeta instanceMethod = DiskMethods.instanceMethod("com.example.A", "compute", "v1");
    private final MethodMeta identityKeyed = DiskMethods.identityKeyed("com.example.A", "computeById", "v1");

    record Point(int x, int y) implements Serializable {
    }

    /** Serializable, but equal only to itself: it never reads back as equal. */
    static final class Handle implements Serializable {
        private static final long serialVersionUID = 1L;
        final int id = 7;
    }

    static final class Stateless {
    }

    static final class OtherStateless {
    }

    static final class Opaque {
        final int id = 7;
    }

    private static boolean readsBackAsItself(CallKey call) throws Exception {
        CallCodec.Decoded readBack = CallCodec.encodeForWrite(call, LOADER).readBack();
        return call.matches(readBack.receiver(), readBack.args());
    }

    @Test
    void readsAWrittenCallBackAsTheSameCall() throws Exception {
        CallKey call = CallKey.of(instanceMethod, new Point(1, 2), new Object[] {"a", new int[] {3}, List.of(4)});
        CallCodec.Written written = CallCodec.encodeForWrite(call, LOADER);
        assertThat(written.bytes()).as("the bytes a lookup computes").isEqualTo(CallCodec.encode(call));
        assertThat(readsBackAsItself(call)).isTrue();
        CallCodec.Decoded decoded = CallCodec.decode(written.bytes(), 0, call, written.classes(), LOADER);
        assertThat(call.matches(decoded.receiver(), decoded.args())).isTrue();
    }

    @Test
    void aStatelessReceiverIsWrittenAsItsClassAndTheFingerprintsOfItsClassFiles() throws Exception {
        CallKey call = CallKey.of(instanceMethod, new Stateless(), new Object[] {1});
        CallCodec.Written written = CallCodec.encodeForWrite(call, LOADER);
        CallCodec.Decoded decoded = CallCodec.decode(written.bytes(), 0, call, written.classes(), LOADER);
        assertThat(decoded.receiver()).isSameAs(call.receiver());
        CallKey other = CallKey.of(instanceMethod, new OtherStateless(), new Object[] {1});
        assertThat(CallCodec.decode(written.bytes(), 0, other, written.classes(), LOADER).receiver())
                .as("the disk name of another class: no receiver of this call").asString()
                .matches(java.util.regex.Pattern.quote(Stateless.class.getName()) + "@[0-9a-f]{24}");
    }

    @Test
    void tellsACallThatDoesNotReadBackAsItself() throws Exception {
        assertThat(readsBackAsItself(CallKey.of(identityKeyed, new Point(1, 2), new Object[] {new Handle()}))).isFalse();
        assertThat(readsBackAsItself(CallKey.of(instanceMethod, new Handle(), new Object[] {1}))).isFalse();
        assertThat(readsBackAsItself(CallKey.of(staticMethod, new Object[] {new Point(1, 2)}))).isTrue();
    }

    @Test
    void aReceiverThatCannotBeSerializedIsToldApartFromArgumentsThatCannot() {
        CallKey onOpaque = CallKey.of(instanceMethod, new Opaque(), new Object[] {1});
        assertThatThrownBy(() -> CallCodec.encode(onOpaque)).isInstanceOf(CallCodec.UnserializableReceiver.class)
                .hasMessageContaining("Opaque");
        assertThatThrownBy(() -> CallCodec.encodeForWrite(onOpaque, LOADER))
                .isInstanceOf(CallCodec.UnserializableReceiver.class);
        CallKey withOpaque = CallKey.of(identityKeyed, new Point(1, 2), new Object[] {new Opaque()});
        assertThatThrownBy(() -> CallCodec.encode(withOpaque)).isNotInstanceOf(CallCodec.UnserializableReceiver.class);
    }

    @Test
    void rejectsBytesThatAreNoCall() {
        assertThatThrownBy(() -> CallCodec.decode(new byte[] {0, 0, 0, 99, 1}, 0,
                CallKey.of(instanceMethod, new Point(1, 2), new Object[0]), Set.of(), LOADER))
                .isInstanceOf(IOException.class);
    }

    @Test
    void readsACallThatStartsAfterOtherBytes() throws Exception {
        CallKey call = CallKey.of(instanceMethod, new Point(1, 2), new Object[] {"a", 5});
        CallCodec.Written written = CallCodec.encodeForWrite(call, LOADER);
        byte[] after = new byte[7 + written.bytes().length];
        System.arraycopy(written.bytes(), 0, after, 7, written.bytes().length);
        CallCodec.Decoded decoded = CallCodec.decode(after, 7, call, written.classes(), LOADER);
        assertThat(decoded.receiver()).isEqualTo(new Point(1, 2));
        assertThat(decoded.args()).containsExactly("a", 5);
    }

    @Test
    void rejectsAReceiverLengthBeyondTheBytesAndBytesTooShortForALength() {
        CallKey call = CallKey.of(instanceMethod, new Point(1, 2), new Object[0]);
        assertThatThrownBy(() -> CallCodec.decode(new byte[] {0, 0, 0, 1}, 0, call, Set.of(), LOADER))
                .as("a length of 1 with no byte after it").isInstanceOf(IOException.class)
                .hasMessage("not the bytes of a call with a receiver");
        assertThatThrownBy(() -> CallCodec.decode(new byte[] {0, 0, 0}, 0, call, Set.of(), LOADER))
                .isInstanceOf(IOException.class).hasMessage("not the bytes of a call with a receiver");
        assertThatThrownBy(() -> CallCodec.decode(new byte[] {(byte) 0xFF, 0, 0, 0, 1}, 0, call, Set.of(), LOADER))
                .as("a negative length").isInstanceOf(IOException.class)
                .hasMessage("not the bytes of a call with a receiver");
    }
}
