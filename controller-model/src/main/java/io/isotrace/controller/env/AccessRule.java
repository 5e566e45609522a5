package io.isotrace.controller.env;

import io.isotrace.trace.record.SecurityState;

import java.util.Arrays;
import java.util.Objects;

/**
 * Who may use a mapping: the security states (and so physical address spaces), the exception levels and the
 * requesters admitted. The kinds of access (read, write, execute, table walk) are per mapping; this is the part
 * that is usually shared by every mapping of an environment.
 *
 * <p>The exception level checked is the access's effective one: an unprivileged access (EL0, or LDTR/STTR at EL1)
 * counts as EL0, the way the Arm ARM checks LDTR against EL0 permissions.
 *
 * @param states     bit n set: security state with code n admitted (NS 0, S 1, Realm 2, Root 3)
 * @param els        bit n set: effective exception level n admitted
 * @param requesters 256 bits, bit r set: requester r admitted
 */
public record AccessRule(int states, int els, long[] requesters) {
    public static final AccessRule ANYONE = new AccessRule(0xF, 0xF, new long[]{-1L, -1L, -1L, -1L});

    public AccessRule {
        if (requesters.length != 4) {
            throw new IllegalArgumentException("requester mask must be 256 bits");
        }
        requesters = requesters.clone();
    }

    public boolean admitsState(SecurityState s) {
        return (states >>> s.code() & 1) != 0;
    }

    public boolean admitsEl(int el) {
        return (els >>> el & 1) != 0;
    }

    public boolean admitsRequester(int r) {
        return (requesters[r >>> 6] >>> (r & 63) & 1) != 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccessRule a && a.states == states && a.els == els && Arrays.equals(a.requesters, requesters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(states, els, Arrays.hashCode(requesters));
    }

    @Override
    public String toString() {
        return "states=" + Integer.toBinaryString(states) + " els=" + Integer.toBinaryString(els);
    }
}
