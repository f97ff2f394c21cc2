package kz.health.sanepid.security;

/** The groups of the product's roles (SPEC.md "Users"); each demo login is a member of one. */
public final class Roles {

    public static final String PROVIDER_OFFICERS = "provider-officers";
    /**
     * Heads of providers: decide a complaint addressed to the head (004 App.2 item 19). One role group today; when
     * complaints are split per provider (candidate group {@code provider-<BIN>} for the officers), the head's
     * candidate group becomes {@code provider-head-<BIN>}, with this group kept for the role's Tasklist access.
     */
    public static final String PROVIDER_HEADS = "provider-heads";
    public static final String REVIEWING_BODY_OFFICERS = "reviewing-body-officers";
    public static final String SANEPID_SPECIALISTS = "sanepid-specialists";
    /**
     * HR specialists of health organisations (order No. 66 items 8-9: the personnel-management specialist keeps
     * the professional register): the role group for Tasklist; the tasks themselves are their employer's, candidate
     * group {@code hr-<BIN>} ({@link HrSpecialists}).
     */
    public static final String HR_SPECIALISTS = "hr-specialists";
    public static final String DATA_PROTECTION_OFFICERS = "data-protection-officers";
    public static final String MANAGERS = "managers";
    /** Camunda's own administrators' group, so Admin treats its members as administrators. */
    public static final String ADMINISTRATORS = "camunda-admin";

    private Roles() {
    }
}
