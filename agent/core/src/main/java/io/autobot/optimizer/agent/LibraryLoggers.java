package io.autobot.optimizer.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's own copy of Caffeine logs through the agent's logging, not the JDK's. Caffeine's
 * classes ask {@code System.getLogger} for a logger when they initialize, in {@code premain}; for
 * a caller outside the JDK that creates the JVM's {@code java.util.logging.LogManager} at once,
 * before the host's {@code main} runs, so a host that picks its own log manager there (setting
 * {@code java.util.logging.manager}, as application servers and logging bridges do) would not
 * get it. The agent's relocated Caffeine classes are rewritten as they load to ask
 * {@link #getLogger(String)} instead: a {@code System.Logger} over the agent's SLF4J.
 */
public final class LibraryLoggers {

    private static final String CAFFEINE = "io/autobot/optimizer/shaded/caffeine/";
    private static final byte[] GET_LOGGER = "getLogger".getBytes(StandardCharsets.US_ASCII);
    private static final String OWNER = "io/autobot/optimizer/agent/LibraryLoggers";
    private static final String DESCRIPTOR = "(Ljava/lang/String;)Ljava/lang/System$Logger;";

    private LibraryLoggers() {
    }

    /**
     * Makes something with the rewrite in place for the relocated Caffeine classes it loads: the
     * agent's memory tier, the first use of Caffeine in the JVM. The transformer is there only
     * meanwhile, so the JVM hands no other class to it (a transformer makes every class load pass
     * through Java). Where Caffeine is not relocated (the agent's unit tests) nothing is rewritten.
     */
    static <T> T rewritingWhile(Instrumentation instrumentation, Supplier<T> make) {
        if (instrumentation == null) {
            return make.get();
        }
        ClassFileTransformer rewrite = new Rewrite();
        instrumentation.addTransformer(rewrite, true); // the kind the agent's other transformers are
        try {
            return make.get();
        } finally {
            instrumentation.removeTransformer(rewrite);
        }
    }

    /**
     * What the rewritten classes call in place of {@code System.getLogger(name)}: the same name
     * and descriptor, so only the reference's class changes.
     */
    public static System.Logger getLogger(String name) {
        return new Slf4jSystemLogger(LoggerFactory.getLogger(name));
    }

    /**
     * The class file with its {@code System.getLogger(String)} method reference pointing at
     * {@link #getLogger(String)}, or null when it has none. Two constants are appended to the pool
     * (this class's name and a class entry for it) and only that reference's class index changes:
     * no other byte of the class moves, so no bytecode library is loaded at start-up for it.
     */
    static byte[] rewritten(byte[] classFile) {
        ByteBuffer in = ByteBuffer.wrap(classFile);
        int count = in.getShort(8) & 0xFFFF;
        int[] offsets = new int[count];
        int position = 10;
        for (int index = 1; index < count; index++) {
            offsets[index] = position;
            int tag = classFile[position] & 0xFF;
            position += switch (tag) {
                case 1 -> 3 + (in.getShort(position + 1) & 0xFFFF);
                case 7, 8, 16, 19, 20 -> 3;
                case 15 -> 4;
                case 3, 4, 9, 10, 11, 12, 17, 18 -> 5;
                case 5, 6 -> 9;
                default -> throw new IllegalArgumentException("constant pool tag " + tag);
            };
            if (tag == 5 || tag == 6) {
                index++; // a long or a double takes two slots
            }
        }
        int reference = -1;
        for (int index = 1; index < count && reference < 0; index++) {
            int at = offsets[index];
            if (at != 0 && classFile[at] == 10 && utf8(in, offsets, classNameIndex(in, offsets, in.getShort(at + 1)))
                    .equals("java/lang/System") && nameAndType(in, offsets, in.getShort(at + 3))) {
                reference = at;
            }
        }
        if (reference < 0) {
            return null;
        }
        byte[] owner = OWNER.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(classFile.length + 3 + owner.length + 3);
        out.put(classFile, 0, position);
        out.put((byte) 1).putShort((short) owner.length).put(owner); // index count: the name
        out.put((byte) 7).putShort((short) count); // index count + 1: the class
        out.put(classFile, position, classFile.length - position);
        out.putShort(8, (short) (count + 2));
        out.putShort(reference + 1, (short) (count + 1));
        return out.array();
    }

    private static int classNameIndex(ByteBuffer in, int[] offsets, short classIndex) {
        return in.getShort(offsets[classIndex & 0xFFFF] + 1) & 0xFFFF;
    }

    private static boolean nameAndType(ByteBuffer in, int[] offsets, short index) {
        int at = offsets[index & 0xFFFF];
        return utf8(in, offsets, in.getShort(at + 1) & 0xFFFF).equals("getLogger")
                && utf8(in, offsets, in.getShort(at + 3) & 0xFFFF).equals(DESCRIPTOR);
    }

    private static String utf8(ByteBuffer in, int[] offsets, int index) {
        int at = offsets[index];
        int length = in.getShort(at + 1) & 0xFFFF;
        return new String(in.array(), at + 3, length, StandardCharsets.UTF_8);
    }

    private static boolean contains(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static final class Rewrite implements ClassFileTransformer {

        @Override
        public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                ProtectionDomain domain, byte[] classFile) {
            if (className == null || !className.startsWith(CAFFEINE) || redefined != null
                    || !contains(classFile, GET_LOGGER)) {
                return null;
            }
            try {
                return rewritten(classFile);
            } catch (RuntimeException e) {
                return null; // the class as it is: Caffeine then logs through the JDK, as before
            }
        }
    }

    /** A {@code System.Logger} that writes through an SLF4J logger, levels mapped one to one. */
    static final class Slf4jSystemLogger implements System.Logger {

        private final Logger logger;

        Slf4jSystemLogger(Logger logger) {
            this.logger = logger;
        }

        @Override
        public String getName() {
            return logger.getName();
        }

        @Override
        public boolean isLoggable(Level level) {
            return switch (level) {
                case ALL, TRACE -> logger.isTraceEnabled();
                case DEBUG -> logger.isDebugEnabled();
                case INFO -> logger.isInfoEnabled();
                case WARNING -> logger.isWarnEnabled();
                case ERROR -> logger.isErrorEnabled();
                case OFF -> false;
            };
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            write(level, message, thrown);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... parameters) {
            if (isLoggable(level)) {
                write(level, parameters == null || parameters.length == 0 ? format
                        : MessageFormat.format(format, parameters), null);
            }
        }

        @Override
        public void log(Level level, Supplier<String> message, Throwable thrown) {
            if (isLoggable(level)) {
                write(level, message.get(), thrown);
            }
        }

        private void write(Level level, String message, Throwable thrown) {
            switch (level) {
                case ALL, TRACE -> logger.trace(message, thrown);
                case DEBUG -> logger.debug(message, thrown);
                case INFO -> logger.info(message, thrown);
                case WARNING -> logger.warn(message, thrown);
                case ERROR -> logger.error(message, thrown);
                default -> {
                    // OFF: nothing
                }
            }
        }
    }
}
