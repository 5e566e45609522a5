package io.isotrace.controller.policy;

import io.isotrace.trace.port.PageGrant;
import io.isotrace.trace.record.TransactionKind;

/**
 * Which permission each kind of transaction needs, as a table indexed by the kind's code: data reads need READ,
 * stores and DC ZVA need WRITE, atomics both, instruction fetches EXECUTE, translation-table walks WALK. Cache
 * maintenance by address needs READ (the Arm ARM lets EL0 clean a line only where it could read it).
 */
public final class AccessNeeds {
    private static final int[] NEEDS = new int[16];

    static {
        set(TransactionKind.READ, PageGrant.READ);
        set(TransactionKind.WRITE, PageGrant.WRITE);
        set(TransactionKind.IFETCH, PageGrant.EXECUTE);
        set(TransactionKind.PTW, PageGrant.WALK);
        set(TransactionKind.ATOMIC, PageGrant.READ | PageGrant.WRITE);
        set(TransactionKind.EXCL_LOAD, PageGrant.READ);
        set(TransactionKind.EXCL_STORE, PageGrant.WRITE);
        set(TransactionKind.CACHE_MAINT, PageGrant.READ);
        set(TransactionKind.ZERO_BLOCK, PageGrant.WRITE);
    }

    private static void set(TransactionKind k, int needs) {
        NEEDS[k.code()] = needs;
    }

    private AccessNeeds() {
    }

    public static int of(TransactionKind kind) {
        return NEEDS[kind.code()];
    }

    /** True when the access writes as far as a bus filter can tell (a TZC or MPC sees reads and writes only). */
    public static boolean writes(TransactionKind kind) {
        return kind.writes();
    }
}
