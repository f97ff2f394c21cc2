package kz.health.sanepid.security;

/** The groups of the product's roles (SPEC.md "Users"); each demo login is a member of one. */
public final class Roles {

    public static final String PROVIDER_OFFICERS = "provider-officers";
    public static final String REVIEWING_BODY_OFFICERS = "reviewing-body-officers";
    public static final String SANEPID_SPECIALISTS = "sanepid-specialists";
    public static final String DATA_PROTECTION_OFFICERS = "data-protection-officers";
    public static final String MANAGERS = "managers";
    /** Camunda's own administrators' group, so Admin treats its members as administrators. */
    public static final String ADMINISTRATORS = "camunda-admin";

    private Roles() {
    }
}
