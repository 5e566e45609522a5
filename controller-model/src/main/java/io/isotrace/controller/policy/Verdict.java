package io.isotrace.controller.policy;

/**
 * A check's answer packed in one int, so the hot path returns it without allocating: 0 is "allowed"; otherwise the
 * low 2 bits are the {@link Response} and bits 8.. the {@link Reason} code.
 */
public final class Verdict {
    public static final int ALLOW = 0;

    private Verdict() {
    }

    public static int deny(Response response, Reason reason) {
        return response.code() | (reason.code() << 8);
    }

    public static boolean allowed(int verdict) {
        return verdict == ALLOW;
    }

    public static Response response(int verdict) {
        return Response.fromCode(verdict & 3);
    }

    public static Reason reason(int verdict) {
        return Reason.fromCode(verdict >>> 8);
    }

    public static String describe(int verdict) {
        return verdict == ALLOW ? "allowed" : response(verdict) + ": " + reason(verdict).description();
    }
}
