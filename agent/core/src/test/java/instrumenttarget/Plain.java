package instrumenttarget;

/** A host class without a selected method. */
public final class Plain {

    private Plain() {
    }

    public static Object square(Object n) {
        return n;
    }
}
