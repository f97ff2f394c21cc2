package kz.health.sanepid.complaint;

import kz.health.sanepid.security.ProviderOfficers;
import org.springframework.stereotype.Component;

/**
 * The candidate group of a complaint's provider tasks, {@code provider-<BIN>}: from the complaint register (the BIN
 * the complaint was registered against), not from a process variable a person could have written. Called by the
 * BPMN as {@code ${providerCandidateGroup.of(execution.processBusinessKey)}} (the business key is the complaint id).
 */
@Component("providerCandidateGroup")
public class ProviderCandidateGroup {

    private final Complaints complaints;

    public ProviderCandidateGroup(Complaints complaints) {
        this.complaints = complaints;
    }

    public String of(String complaintId) {
        return ProviderOfficers.group(complaints.find(complaintId)
                .orElseThrow(() -> new IllegalStateException("no complaint " + complaintId)).providerBin());
    }
}
