package kz.health.sanepid.sdustore;

/** Port to the Smart Data Ukimet store: the recipient's updated data after a re-issue (004 App.2 item 12). */
public interface SduStore {

    /** Writes the updated data; a repeat for the same new permit changes nothing. */
    void writeUpdatedRecipient(UpdatedRecipient recipient);

    record UpdatedRecipient(String permitId, String replacesPermitId, String recipientIin, String holderId,
                            String newHolderName) {
    }
}
