package io.isotrace.controller.env;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interned {@link AccessRule}s in primitive arrays, so the hot path checks a rule with three array loads. A mapping
 * stores only the rule's index. Rules are never removed (there are few distinct ones).
 */
public final class RuleTable {
    /** Most distinct rules; a mapping keeps its rule index in 16 bits. */
    public static final int MAX_RULES = 1 << 16;

    private int[] states = new int[16];
    private int[] els = new int[16];
    private long[] requesters = new long[64];
    private final List<AccessRule> rules = new ArrayList<>();
    private final Map<AccessRule, Integer> index = new HashMap<>();

    public RuleTable() {
        intern(AccessRule.ANYONE);
    }

    /** The index of {@code rule}, adding it if new; -1 when the table is full. */
    public int intern(AccessRule rule) {
        Integer i = index.get(rule);
        if (i != null) {
            return i;
        }
        int n = rules.size();
        if (n == MAX_RULES) {
            return -1;
        }
        if (n == states.length) {
            states = java.util.Arrays.copyOf(states, n * 2);
            els = java.util.Arrays.copyOf(els, n * 2);
            requesters = java.util.Arrays.copyOf(requesters, n * 8);
        }
        states[n] = rule.states();
        els[n] = rule.els();
        System.arraycopy(rule.requesters(), 0, requesters, n * 4, 4);
        rules.add(rule);
        index.put(rule, n);
        return n;
    }

    public AccessRule get(int i) {
        return rules.get(i);
    }

    public boolean admitsState(int rule, int stateCode) {
        return (states[rule] >>> stateCode & 1) != 0;
    }

    public boolean admitsEl(int rule, int el) {
        return (els[rule] >>> el & 1) != 0;
    }

    /** All three checks at once (the hot path): state code 0-3, effective EL 0-3, requester 0-255. */
    public boolean admits(int rule, int stateCode, int el, int requester) {
        return ((states[rule] >>> stateCode) & (els[rule] >>> el) & 1) != 0
                && (requesters[rule * 4 + (requester >>> 6)] >>> (requester & 63) & 1) != 0;
    }

    public boolean admitsRequester(int rule, int requester) {
        return (requesters[rule * 4 + (requester >>> 6)] >>> (requester & 63) & 1) != 0;
    }
}
