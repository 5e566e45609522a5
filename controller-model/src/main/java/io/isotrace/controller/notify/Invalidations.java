package io.isotrace.controller.notify;

import io.isotrace.trace.port.InvalidationListener;

import java.util.Arrays;

/**
 * Fans precise invalidations out to the registered {@link InvalidationListener}s and counts them: notifications
 * sent, and bytes of IPA space named. A notification names one IPA range of one environment for a set of
 * requesters; notifications whose requester set is empty are not sent (nobody holds those translations).
 */
public final class Invalidations {
    private InvalidationListener[] listeners = new InvalidationListener[0];
    private long notifications;
    private long bytes;

    public void add(InvalidationListener l) {
        listeners = Arrays.copyOf(listeners, listeners.length + 1);
        listeners[listeners.length - 1] = l;
    }

    public void notify(long requesterMask, int env, long ipaLo, long ipaHi) {
        if (requesterMask == 0 || ipaLo >= ipaHi) {
            return;
        }
        notifications++;
        bytes += ipaHi - ipaLo;
        for (InvalidationListener l : listeners) {
            l.invalidate(requesterMask, env, ipaLo, ipaHi);
        }
    }

    /** Notifications sent (each names one range). */
    public long notifications() {
        return notifications;
    }

    /** IPA bytes named by all notifications. */
    public long bytes() {
        return bytes;
    }
}
