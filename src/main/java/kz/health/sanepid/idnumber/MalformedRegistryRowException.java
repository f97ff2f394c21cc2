package kz.health.sanepid.idnumber;

/**
 * A registry answered with a row that fails format-logical control (004 App.2 item 18). Never used silently:
 * the job fails with this reason and becomes an incident an operator can see. The message holds masked
 * identifiers only.
 */
public class MalformedRegistryRowException extends RuntimeException {
    public MalformedRegistryRowException(String registry, String maskedKey, String reason) {
        super(registry + " row " + maskedKey + " rejected: " + reason);
    }

    /** Validates an IIN read from a registry. */
    public static String requireIin(String registry, String iin) {
        String problem = IdentificationNumbers.iinProblem(iin);
        if (problem != null) {
            throw new MalformedRegistryRowException(registry, IdentificationNumbers.mask(iin), problem);
        }
        return iin;
    }

    /** Validates a BIN read from a registry. */
    public static String requireBin(String registry, String bin) {
        String problem = IdentificationNumbers.binProblem(bin);
        if (problem != null) {
            throw new MalformedRegistryRowException(registry, IdentificationNumbers.mask(bin), problem);
        }
        return bin;
    }
}
