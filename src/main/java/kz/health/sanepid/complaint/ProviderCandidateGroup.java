package kz.health.sanepid.complaint;

import kz.health.sanepid.security.ProviderOfficers;
import org.springframework.stereotype.Component;

/**
 * The candidate group of a complaint's provider tasks, {@code provider-<BIN>}: from the complaint register (the BIN
 * the complaint was registered against), not from a process variable a person could have written. Called by the
 * BPMN as {@code ${providerCandidateGroup.of(execution.processBusinessKey)}} (the business key is the complaint id);
 * the head's decision goes to {@code provider-head-<BIN>} by {@code ${providerCandidateGroup.headOf(...)}}.
 */
@Component("providerCandidateGroup")
public class ProviderCandidateGroup {

    private final Complaints complaints;

    public ProviderCandidateGroup(Complaints complaints) {
        this.complaints = complaints;
    }

    /** The provider's officers: {@code provider-<BIN>}. */
    public String of(String complaintId) {
        return ProviderOfficers.group(providerBin(complaintId));
    }

    /** The head of the provider: {@code provider-head-<BIN>}. */
    public String headOf(String complaintId) {
        return ProviderOfficers.headGroup(providerBin(complaintId));
    }

    private String providerBin(String complaintId) {
        return complaints.find(complaintId)
                .orElseThrow(() -> new IllegalStateException("no complaint " + complaintId)).providerBin();
    }
}
