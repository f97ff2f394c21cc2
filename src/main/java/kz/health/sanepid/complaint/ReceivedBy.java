package kz.health.sanepid.complaint;

import java.util.List;

import kz.health.sanepid.security.Roles;

/**
 * Who received the complaint and registers it (004 App.2 item 19): the provider that rendered the service (its
 * officers register it), or the reviewing body directly (its officers register it, without the provider; 15 working
 * days from that registration).
 */
public enum ReceivedBy {
    PROVIDER(Roles.PROVIDER_OFFICERS),
    REVIEWING_BODY(Roles.REVIEWING_BODY_OFFICERS);

    /** The group whose officers register a complaint received here. */
    public final String registeringGroup;

    ReceivedBy(String registeringGroup) {
        this.registeringGroup = registeringGroup;
    }

    static ReceivedBy parse(String value) {
        for (ReceivedBy r : values()) {
            if (r.name().equals(value)) {
                return r;
            }
        }
        return null;
    }

    /**
     * The body the registering person belongs to when the request names none: a reviewing-body officer who is no
     * provider officer registers for the reviewing body, anyone else for the provider.
     */
    static ReceivedBy defaultFor(List<String> groups) {
        return groups.contains(Roles.REVIEWING_BODY_OFFICERS) && !groups.contains(Roles.PROVIDER_OFFICERS)
                ? REVIEWING_BODY : PROVIDER;
    }
}
