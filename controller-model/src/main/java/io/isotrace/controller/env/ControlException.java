package io.isotrace.controller.env;

/** A refused control operation: the error code the register block reports and a sentence for people. */
public final class ControlException extends RuntimeException {
    private final ControlError error;

    public ControlException(ControlError error, String message) {
        super(message);
        this.error = error;
    }

    public ControlError error() {
        return error;
    }
}
