package kz.health.sanepid.complaint;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import kz.health.sanepid.idnumber.IdentificationNumbers;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.JdbcTemplate;

/** Valid complaints, Almaty times and timer jobs for the complaint tests. */
final class ComplaintTestSupport {

    /** Friday 20 March 2026, 10:00 in Almaty: Nauryz (23-25 March) follows the weekend. */
    static final Date REGISTERED = at("2026-03-20T10:00:00+05:00");

    static final String APPLICANT_IIN = firstValid("9001013", true);
    static final String PROVIDER_BIN = firstValid("0501400", false);
    static final String PHONE = "+77011234567";
    static final String EMAIL = "applicant@example.kz";

    private ComplaintTestSupport() {
    }

    static Date at(String isoOffsetDateTime) {
        return Date.from(OffsetDateTime.parse(isoOffsetDateTime).toInstant());
    }

    /** End of the day in Almaty: the deadline form of the working-day calendar. */
    static Date endOf(String isoDay) {
        return at(isoDay + "T23:59:59.999+05:00");
    }

    static ComplaintRequest complaint(String addressee, String providerBin, String phone, String email) {
        return new ComplaintRequest(APPLICANT_IIN, "Test Applicant", phone, email, "2", providerBin, "DECISION",
                "Refusal to issue the sanitary-epidemiological conclusion", "Issue the conclusion",
                List.of("refusal-letter.pdf", "https://example.kz/doc/1"), addressee,
                "REVIEWING_BODY".equals(addressee) ? "AUTHORISED_BODY" : null, null);
    }

    /** The complaint as the JSON body of POST /api/complaints. */
    static Map<String, Object> body(ComplaintRequest c) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("applicantId", c.applicantId());
        body.put("applicantName", c.applicantName());
        body.put("applicantPhone", c.applicantPhone());
        body.put("applicantEmail", c.applicantEmail());
        body.put("serviceCode", c.serviceCode());
        body.put("providerBin", c.providerBin());
        body.put("appealedKind", c.appealedKind());
        body.put("appealedText", c.appealedText());
        body.put("demands", c.demands());
        body.put("attachments", c.attachments());
        body.put("addressee", c.addressee());
        body.put("reviewingBody", c.reviewingBody());
        return body;
    }

    /** 12 digits with a valid check digit, the first digits given, varying the rest. */
    static String firstValid(String prefix, boolean iin) {
        for (int i = 0; i < 10_000; i++) {
            String eleven = prefix + String.format("%0" + (11 - prefix.length()) + "d", i);
            String candidate = IdentificationNumbers.withCheckDigit(eleven);
            if (candidate != null && (iin ? IdentificationNumbers.isValidIin(candidate)
                    : IdentificationNumbers.isValidBin(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no valid number for " + prefix);
    }

    /** A provider BIN used by one test only, so shared-database counts stay exact. */
    static String uniqueProviderBin(int seed) {
        return firstValid(String.format("05014%04d", seed), false);
    }

    static Job timer(ManagementService managementService, String processInstanceId, String activityId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                .singleResult();
    }

    static List<Map<String, Object>> outbox(JdbcTemplate jdbc, String recipient, String complaintId) {
        return jdbc.queryForList("SELECT channel, subject, body FROM notification_outbox WHERE recipient = ?"
                + " AND message_key LIKE ? ORDER BY id", recipient, complaintId + "%");
    }

    static List<String> events(JdbcTemplate jdbc, String complaintId) {
        return jdbc.queryForList("SELECT event_kind FROM complaint_event WHERE complaint_id = ? ORDER BY id",
                String.class, complaintId);
    }
}
