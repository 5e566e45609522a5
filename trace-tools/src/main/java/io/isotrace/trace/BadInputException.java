package io.isotrace.trace;

/**
 * Input that Isotrace cannot use: a directory that is not a trace, a corrupt queue file, a CSV line that does not
 * parse, a malformed ELF. It carries where the problem is (a file and a position in it: line, byte offset, sequence
 * number, PC) so the command line can print one line a user can act on. The CLI maps it to exit code 3.
 */
public class BadInputException extends RuntimeException {
    private final String where;

    /**
     * @param where the file and position, e.g. {@code trace/19700101H.cq4: excerpt 5} or {@code in.csv:12}
     * @param what  what is wrong there, as a sentence without a trailing period
     */
    public BadInputException(String where, String what) {
        super(where + ": " + what);
        this.where = where;
    }

    public BadInputException(String where, String what, Throwable cause) {
        super(where + ": " + what, cause);
        this.where = where;
    }

    /** The file and position this error is about. */
    public String where() {
        return where;
    }
}
