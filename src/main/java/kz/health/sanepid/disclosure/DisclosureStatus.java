package kz.health.sanepid.disclosure;

/** Where a request stands in {@code disclosure_request.status}. */
public enum DisclosureStatus {
    /** Registered; the ground is being reviewed or the consent asked. */
    RECEIVED,
    /** Released: the categories in {@code categories_released} passed to the requester. */
    RELEASED,
    /** Nothing released: no confirmed ground and no consent. */
    REFUSED
}
