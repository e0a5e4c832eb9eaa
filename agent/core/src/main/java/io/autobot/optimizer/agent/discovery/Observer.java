package io.autobot.optimizer.agent.discovery;

import io.autobot.optimizer.bootstrap.ProbeHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The handler behind the temporary observing advice: per observed method, a {@link MethodObservation}.
 * It looks at arguments and results only to hash them and to ask their classes whether they compare
 * by value; it keeps hashes and counts, never a value. Everything it holds goes with it when the
 * window ends.
 */
final class Observer implements ProbeHandler {

    /** What one call carries from enter to exit. */
    private static final class Token {
        final long argsHash;
        final boolean repeat;
        final long start;
        final long enterNanos;
        final int length;

        Token(long argsHash, boolean repeat, long start, long enterNanos, int length) {
            this.argsHash = argsHash;
            this.repeat = repeat;
            this.start = start;
            this.enterNanos = enterNanos;
            this.length = length;
        }
    }

    private final AtomicReferenceArray<MethodObservation> methods;
    private final Map<Class<?>, String> keyProblems = new ConcurrentHashMap<>();
    private final Map<Class<?>, Boolean> stateless = new ConcurrentHashMap<>();
    private final Map<Class<?>, Boolean> valueEquals = new ConcurrentHashMap<>();
    private volatile boolean open = true;

    Observer(List<MethodObservation> observations) {
        methods = new AtomicReferenceArray<>(observations.toArray(new MethodObservation[0]));
    }

    @Override
    public boolean observes(int probeId) {
        return open && probeId >= 0 && probeId < methods.length() && methods.get(probeId).sample();
    }

    @Override
    public Object enter(int probeId, Object self, Object[] args) {
        long begin = System.nanoTime();
        if (!open || probeId < 0 || probeId >= methods.length()) {
            return null;
        }
        MethodObservation method = methods.get(probeId);
        if (args != null) {
            for (int i = 0; i < args.length; i++) {
                Object arg = args[i];
                if (arg != null && method.argumentProblem == null) {
                    String problem = keyProblems.computeIfAbsent(arg.getClass(), ValueSemantics::keyProblem);
                    if (problem != null) {
                        method.argumentProblem = "argument " + (i + 1) + " (" + arg.getClass().getName() + ") has "
                                + problem;
                    }
                }
            }
        }
        long receiver = 0;
        if (self != null) {
            receiver = stateless.computeIfAbsent(self.getClass(), ValueSemantics::stateless)
                    ? self.getClass().getName().hashCode() : self.hashCode();
        }
        long hash = Hashes.ofCall(receiver, args);
        boolean repeat = method.seenOrTrack(hash);
        int length = listLength(method, args);
        long start = System.nanoTime();
        return new Token(hash, repeat, start, start - begin, length);
    }

    @Override
    public void exit(int probeId, Object token, Object returned, Throwable thrown) {
        long end = System.nanoTime();
        Token call = (Token) token;
        MethodObservation method = methods.get(probeId);
        method.called(end - call.start, call.repeat, thrown != null);
        if (thrown == null && open) {
            if (call.length >= 0) {
                method.sizeCost.add(call.length, end - call.start);
            }
            if (Hashes.isSequence(returned)) {
                method.sequenceResults.increment();
            }
            result(method, call, returned);
        }
        method.probeNanos.add(call.enterNanos + System.nanoTime() - end);
    }

    private void result(MethodObservation method, Token call, Object returned) {
        if (returned != null && !valueEquals.computeIfAbsent(returned.getClass(), ValueSemantics::hasValueEquals)
                && !returned.getClass().isArray() && !returned.getClass().isEnum()) {
            // identity equals: its hash says nothing about equal results; it is not compared
            method.resultWithoutEquals = returned.getClass().getName();
            method.uncompared(Hashes.size(returned));
            return;
        }
        method.result(call.argsHash, Hashes.of(returned), Hashes.size(returned));
    }

    /** The length of the method's split argument in this call; -1 when it has none or it is null. */
    private static int listLength(MethodObservation method, Object[] args) {
        int index = method.listArgument;
        return index < 0 || args == null || index >= args.length ? -1 : Hashes.length(args[index]);
    }

    /** Stops observing: calls in flight end without being counted. */
    void close() {
        open = false;
        keyProblems.clear();
        stateless.clear();
        valueEquals.clear();
    }
}
