package kz.health.sanepid.complaint;

import java.util.Arrays;
import java.util.Optional;

/** The four services of the pilot (004 Appendix 1), by the code a complaint names. */
public enum PublicService {
    SPECIALIST_CERTIFICATE(1),
    HIGH_EPIDEMIC_OBJECT_CONCLUSION(2),
    NORMATIVE_DOCUMENTATION_CONCLUSION(3),
    PATHOGENIC_AGENTS_PERMIT(4);

    private final int code;

    PublicService(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<PublicService> byCode(String code) {
        return Arrays.stream(values()).filter(s -> String.valueOf(s.code).equals(code == null ? null : code.trim()))
                .findFirst();
    }
}
