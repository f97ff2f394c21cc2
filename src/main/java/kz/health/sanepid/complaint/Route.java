package kz.health.sanepid.complaint;

/** To whom the complaint is addressed (004 App.2 item 19): the provider's head, or the reviewing body. */
public enum Route {
    /** Reviewed by the provider within 5 working days of registration (Law "On public services" art. 25(2)). */
    HEAD_OF_PROVIDER,
    /** Filed through the provider, forwarded within 3 working days (APPK art. 91(4)), decided within 15. */
    REVIEWING_BODY;

    static Route parse(String value) {
        for (Route r : values()) {
            if (r.name().equals(value)) {
                return r;
            }
        }
        return null;
    }
}
