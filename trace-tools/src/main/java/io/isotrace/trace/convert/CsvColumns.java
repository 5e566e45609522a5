package io.isotrace.trace.convert;

import io.isotrace.trace.record.MemoryType;
import io.isotrace.trace.record.ReplyStatus;
import io.isotrace.trace.record.SecurityState;
import io.isotrace.trace.record.Transaction;
import io.isotrace.trace.record.TransactionFormat;
import io.isotrace.trace.record.TransactionKind;
import io.isotrace.trace.tools.TraceFilter;

/**
 * The CSV form of a record: one column per field, in this table's order, with a header row. Addresses are written
 * in hexadecimal with {@code 0x}; enums by name; booleans as 0/1. Each column knows how to print and parse its own
 * field, so export and import cannot drift apart.
 */
enum CsvColumns {
    SEQ("seq") {
        void print(Transaction t, StringBuilder sb) {
            sb.append(t.seq);
        }

        void parse(String v, Transaction t) {
            t.seq = parseLong(v);
        }
    },
    TIME_PS("time_ps") {
        void print(Transaction t, StringBuilder sb) {
            sb.append(t.timePs);
        }

        void parse(String v, Transaction t) {
            t.timePs = parseLong(v);
        }
    },
    CLOCK("clock") {
        void print(Transaction t, StringBuilder sb) {
            sb.append(t.clockDomain);
        }

        void parse(String v, Transaction t) {
            t.clockDomain = parseInt(v);
        }
    },
    REQUESTER("requester") {
        void print(Transaction t, StringBuilder sb) {
            sb.append(t.requester);
        }

        void parse(String v, Transaction t) {
            t.requester = parseInt(v);
        }
    },
    PC("pc") {
        void print(Transaction t, StringBuilder sb) {
            TransactionFormat.hex(sb, t.pc);
        }

        void parse(String v, Transaction t) {
            t.pc = TraceFilter.parseAddress(v);
        }
    },
    VA("va") {
        void print(Transaction t, StringBuilder sb) {
            TransactionFormat.hex(sb, t.va);
        }

        void parse(String v, Transaction t) {
            t.va = TraceFilter.parseAddress(v);
        }
    },
    IPA("ipa") {
        void print(Transaction t, StringBuilder sb) {
            TransactionFormat.hex(sb, t.ipa);
        }

        void parse(String v, Transaction t) {
            t.ipa = TraceFilter.parseAddress(v);
        }
    },
    SIZE("size") {
        void print(Transaction t, StringBuilder sb) {
            sb.append(t.size);
        }

        void parse(String v, Transaction t) {
            t.size = parseInt(v);
        }
    },
    KIND("kind") {
        void print(Transaction t, StringBuilder sb) {
            sb.append(t.kind.name());
        }

        void parse(String v, Transaction t) {
            t.kind = named(TransactionKind.parse(v), "transaction kind", v);
        }
    },
    ACQUIRE("acquire") {
        void print(Transaction t, StringBuilder sb) {
            sb.append(t.acquire ? 1 : 0);
        }

        void parse(String v, Transaction t) {
            t.acquire = parseBool(v);
        }
    },
    RELEASE("release") {
        void print(Transaction t, StringBuilder sb) {
            sb.append(t.release ? 1 : 0);
        }

        void parse(String v, Transaction t) {
            t.release = parseBool(v);
        }
    },
    EL("el") {
        void print(Transaction t, StringBuilder sb) {
            sb.append(t.el);
        }

        void parse(String v, Transaction t) {
            t.el = parseInt(v);
        }
    },
    SECURITY("security") {
        void print(Transaction t, StringBuilder sb) {
            sb.append(t.security.name());
        }

        void parse(String v, Transaction t) {
            t.security = named(SecurityState.parse(v), "security state", v);
        }
    },
    UNPRIVILEGED("unprivileged") {
        void print(Transaction t, StringBuilder sb) {
            sb.append(t.unprivileged ? 1 : 0);
        }

        void parse(String v, Transaction t) {
            t.unprivileged = parseBool(v);
        }
    },
    ASID("asid") {
        void print(Transaction t, StringBuilder sb) {
            sb.append(t.asid);
        }

        void parse(String v, Transaction t) {
            t.asid = parseInt(v);
        }
    },
    MEMORY_TYPE("memory_type") {
        void print(Transaction t, StringBuilder sb) {
            sb.append(t.memoryType.name());
        }

        void parse(String v, Transaction t) {
            t.memoryType = named(MemoryType.parse(v), "memory type", v);
        }
    },
    PA("pa") {
        void print(Transaction t, StringBuilder sb) {
            TransactionFormat.hex(sb, t.pa);
        }

        void parse(String v, Transaction t) {
            t.pa = TraceFilter.parseAddress(v);
        }
    },
    STATUS("status") {
        void print(Transaction t, StringBuilder sb) {
            sb.append(t.status.name());
        }

        void parse(String v, Transaction t) {
            t.status = named(ReplyStatus.parse(v), "status", v);
        }
    },
    LATENCY_PS("latency_ps") {
        void print(Transaction t, StringBuilder sb) {
            sb.append(t.latencyPs);
        }

        void parse(String v, Transaction t) {
            t.latencyPs = parseLong(v);
        }
    },
    ENV("env") {
        void print(Transaction t, StringBuilder sb) {
            sb.append(t.env);
        }

        void parse(String v, Transaction t) {
            t.env = parseInt(v);
        }
    };

    /** The column's name in the header row. */
    final String header;

    CsvColumns(String header) {
        this.header = header;
    }

    abstract void print(Transaction t, StringBuilder sb);

    /** Parses {@code v} into the field; IllegalArgumentException with a short reason when it does not parse. */
    abstract void parse(String v, Transaction t);

    static CsvColumns byHeader(String name) {
        for (CsvColumns c : values()) {
            if (c.header.equals(name)) {
                return c;
            }
        }
        return null;
    }

    static String headerRow() {
        StringBuilder sb = new StringBuilder();
        for (CsvColumns c : values()) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(c.header);
        }
        return sb.toString();
    }

    private static long parseLong(String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer: '" + v + "'");
        }
    }

    private static int parseInt(String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer: '" + v + "'");
        }
    }

    private static boolean parseBool(String v) {
        switch (v.trim()) {
            case "0":
            case "false":
                return false;
            case "1":
            case "true":
                return true;
            default:
                throw new IllegalArgumentException("not 0 or 1: '" + v + "'");
        }
    }

    private static <E> E named(E value, String what, String v) {
        if (value == null) {
            throw new IllegalArgumentException("unknown " + what + " '" + v + "'");
        }
        return value;
    }
}
