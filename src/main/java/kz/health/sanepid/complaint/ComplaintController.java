package kz.health.sanepid.complaint;

import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import kz.health.sanepid.security.CurrentUser;
import kz.health.sanepid.security.ProviderOfficers;
import kz.health.sanepid.security.Roles;
import kz.health.sanepid.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Complaints over HTTP: registration by provider officers (received by the provider) or by reviewing-body officers
 * (received directly by the reviewing body), a case's events, and the managers' counts.
 */
@RestController
@RequestMapping("/api/complaints")
public class ComplaintController {

    private final ComplaintRegistration registration;
    private final Complaints complaints;
    private final ComplaintStats stats;
    private final CurrentUser currentUser;
    private final Clock clock;

    public ComplaintController(ComplaintRegistration registration, Complaints complaints, ComplaintStats stats,
            CurrentUser currentUser, Clock clock) {
        this.registration = registration;
        this.complaints = complaints;
        this.stats = stats;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public ComplaintRegistration.Registered register(@RequestBody(required = false) ComplaintRequest request) {
        currentUser.requireAnyGroup(Roles.PROVIDER_OFFICERS, Roles.REVIEWING_BODY_OFFICERS);
        if (request == null) {
            throw ApiException.badRequest(java.util.List.of("body: a complaint is required"));
        }
        return registration.register(request);
    }

    @GetMapping("/stats")
    public ComplaintStats.Stats stats() {
        currentUser.requireAnyGroup(Roles.MANAGERS);
        return stats.at(Date.from(clock.instant()));
    }

    @GetMapping("/{complaintId}")
    public Map<String, Object> complaint(@PathVariable String complaintId) {
        currentUser.requireAnyGroup(Roles.PROVIDER_OFFICERS, Roles.PROVIDER_HEADS, Roles.REVIEWING_BODY_OFFICERS,
                Roles.MANAGERS);
        Complaints.Complaint c = complaints.find(complaintId)
                .orElseThrow(() -> ApiException.notFound("no complaint " + complaintId));
        if (!currentUser.inAnyGroup(Roles.REVIEWING_BODY_OFFICERS, Roles.MANAGERS)
                && !ProviderOfficers.bins(currentUser.groups()).contains(c.providerBin())
                && !ProviderOfficers.headBins(currentUser.groups()).contains(c.providerBin())) {
            throw ApiException.forbidden(); // a provider's officer or head reads their own provider's complaints only
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("complaintId", c.complaintId());
        answer.put("providerBin", c.providerBin());
        answer.put("route", c.route());
        answer.put("receivedBy", c.receivedBy());
        answer.put("status", c.status());
        answer.put("registeredAt", c.registeredAt());
        answer.put("dueAt", c.dueAt());
        answer.put("forwardedAt", c.forwardedAt());
        answer.put("forwardingDeadlineMissed", c.forwardingDeadlineMissed());
        answer.put("decision", c.decision());
        answer.put("decidedBy", c.decidedBy());
        answer.put("closedAt", c.closedAt());
        answer.put("events", complaints.events(complaintId));
        return answer;
    }
}
