package kz.health.sanepid.registry.license;

import java.time.LocalDate;
import java.util.List;

/**
 * Port to the "e-license" system: permit documents of the 4 services (004 App.1) and the recipient's personal
 * cabinet. Writes are idempotent, so a retried job never forms a second document or delivers twice.
 */
public interface LicenseRegistry {

    /** Active permit documents of the 4 services held by an organisation (BIN) or person (IIN), item 4. */
    List<Permit> activePermitsHeldBy(String holderId);

    /**
     * Forms the updated permit document (item 12): new holder name, a link to the document it replaces, the same
     * service, scope and validity. Called again for the same permit, returns the document already formed.
     */
    Permit reissueForNewName(String permitId, String newHolderName);

    /** Sends the document to the recipient's personal cabinet (item 12); a repeat changes nothing. */
    void deliverToCabinet(String permitId, String recipientIin);

    enum HolderKind { ORGANISATION, PERSON }

    record Permit(String permitId, int serviceCode, String holderId, HolderKind holderKind, String holderName,
                  String scope, LocalDate issuedOn, LocalDate validUntil, String replacesPermitId) {
    }
}
