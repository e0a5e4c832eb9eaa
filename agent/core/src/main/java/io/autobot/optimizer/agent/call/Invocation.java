package io.autobot.optimizer.agent.call;

/**
 * One intercepted call on its way through the method's policies. It is shared by the threads a
 * policy may use (workers, timeouts) and so never changes after creation, except for the record
 * of the body's result on the caller's own thread.
 */
public final class Invocation {

    private final Body body;
    private final MethodMeta method;
    private final Class<?> declaringType;
    private final Object self;
    private final Object[] args;
    private final Object cacheKey;
    private final Thread caller = Thread.currentThread();
    private volatile boolean bodyReturned;
    private volatile Object bodyResult;

    /**
     * @param body how the engine runs the method's own code
     * @param cacheKey the cache key computed on the fast path, or null
     */
    public Invocation(Body body, MethodMeta method, Class<?> declaringType, Object self, Object[] args,
            Object cacheKey) {
        this.body = body;
        this.method = method;
        this.declaringType = declaringType;
        this.self = self;
        this.args = args;
        this.cacheKey = cacheKey;
    }

    public MethodMeta method() {
        return method;
    }

    public Class<?> declaringType() {
        return declaringType;
    }

    /** The receiver, or null for a static method. */
    public Object self() {
        return self;
    }

    /** The arguments. Policies must not modify this array; they pass new arrays instead. */
    public Object[] args() {
        return args;
    }

    /** The cache key computed on the fast path, or null. */
    public Object cacheKey() {
        return cacheKey;
    }

    /** The thread that made the call. */
    public Thread caller() {
        return caller;
    }

    /** Runs the method's own body with the original arguments, on the current thread. */
    public Object invokeOriginal() throws CallerFailure {
        return invokeOriginal(args);
    }

    /**
     * Runs the method's own body with the given arguments, on the current thread.
     *
     * @throws CallerFailure carrying what the body threw
     * @throws IllegalStateException if the body could not be started (an internal failure)
     */
    public Object invokeOriginal(Object[] arguments) throws CallerFailure {
        Object result = body.run(this, arguments);
        if (arguments == args && Thread.currentThread() == caller) {
            bodyResult = result;
            bodyReturned = true;
        }
        return result;
    }

    /**
     * Resolves, once per method, what running the body needs, so that a policy that times the
     * body's start (a rate limiter granting a permit) does not count the first call's set-up.
     *
     * @throws ReflectiveOperationException when the body cannot be resolved (an internal failure)
     */
    public void prepare() throws ReflectiveOperationException {
        body.prepare(this);
    }

    /**
     * The same call with other arguments, for policies that run the rest of the pipeline on parts
     * of the arguments (the parallel splitter's chunks). It has no cache key.
     */
    public Invocation withArguments(Object[] arguments) {
        return new Invocation(body, method, declaringType, self, arguments, null);
    }

    /**
     * A method declared by the called method's class, by name and JVM descriptor: for policies that
     * call a sibling of the method (the batch method of {@code @Batched}) or need its reflective
     * form. Resolve once and keep the result; this is a reflective search.
     */
    public java.lang.reflect.Method declaredMethod(String name, String descriptor) throws NoSuchMethodException {
        return MethodSignature.find(declaringType, name, descriptor);
    }

    /** Whether the body already returned on the caller's thread with the original arguments. */
    public boolean bodyReturned() {
        return bodyReturned;
    }

    /** What the body returned on the caller's thread, once {@link #bodyReturned()}. */
    public Object bodyResult() {
        return bodyResult;
    }

    /** How the engine runs a method's own code; the call contract leaves that to the engine. */
    public interface Body {

        /**
         * Runs the call's method body with these arguments on the current thread.
         *
         * @throws CallerFailure carrying what the body threw
         * @throws IllegalStateException if the body could not be started (an internal failure)
         */
        Object run(Invocation call, Object[] arguments) throws CallerFailure;

        /** Resolves what running the call's body needs. */
        void prepare(Invocation call) throws ReflectiveOperationException;
    }
}
