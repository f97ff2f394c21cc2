package kz.health.sanepid.sms;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kz.health.sanepid.audit.ReadAudit;
import kz.health.sanepid.engine.RepliesFirst;
import kz.health.sanepid.idnumber.IdentificationNumbers;
import kz.health.sanepid.idnumber.PhoneNumbers;
import kz.health.sanepid.security.CurrentUser;
import kz.health.sanepid.security.Roles;
import kz.health.sanepid.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SMS gateway's side of the API: replies coming in ({@code POST /api/sms/inbound}, gateway secret, see
 * GatewaySignatureFilter) and the embedded outbox for the demo ({@code GET /api/sms/outbox?to=}, staff only).
 */
@RestController
public class SmsController {

    static final int MAX_TEXT = 160;

    private final InboundSmsHandler handler;
    private final SmsGateway gateway;
    private final CurrentUser currentUser;
    private final ReadAudit readAudit;
    private final Clock clock;
    private final RepliesFirst repliesFirst;

    public SmsController(InboundSmsHandler handler, SmsGateway gateway, CurrentUser currentUser, ReadAudit readAudit,
                         Clock clock, RepliesFirst repliesFirst) {
        this.handler = handler;
        this.gateway = gateway;
        this.currentUser = currentUser;
        this.readAudit = readAudit;
        this.clock = clock;
        this.repliesFirst = repliesFirst;
    }

    /** An SMS received by the gateway: {"from":"+77011234567","text":"1","receivedAt":"2026-05-01T10:00:00Z"}. */
    public record InboundSms(String from, String text, String receivedAt) {
    }

    /**
     * Checked by hand, not with Bean Validation ({@code @Valid} and constraints on {@link InboundSms}): the number is
     * normalised by {@link PhoneNumbers#normalise} and the normalised number is what the handler gets, so a
     * constraint would run the same normalisation a second time; {@code receivedAt} is parsed once and compared with
     * the injected {@link Clock} (five minutes' tolerance), which a constraint cannot see without a custom validator
     * wired to the clock; and the reasons' wording and order (one per field, in the body's order, "is required"
     * before the format) are what the gateway and the tests read, where {@link kz.health.sanepid.web.ApiErrors}
     * sorts Bean Validation's field errors and takes their messages from the constraints.
     */
    @PostMapping(path = "/api/sms/inbound", consumes = "application/json")
    public ResponseEntity<Map<String, Object>> inbound(@RequestBody InboundSms sms) {
        List<String> reasons = new ArrayList<>();
        Optional<String> phone = PhoneNumbers.normalise(sms.from());
        if (sms.from() == null || sms.from().isBlank()) {
            reasons.add("from: is required");
        } else if (phone.isEmpty()) {
            reasons.add("from: must be a Kazakhstan mobile number, +7 and 10 digits");
        }
        if (sms.text() == null) {
            reasons.add("text: is required");
        } else if (sms.text().length() > MAX_TEXT) {
            reasons.add("text: at most " + MAX_TEXT + " characters");
        }
        Instant receivedAt = null;
        if (sms.receivedAt() == null || sms.receivedAt().isBlank()) {
            reasons.add("receivedAt: is required");
        } else {
            try {
                receivedAt = Instant.parse(sms.receivedAt());
                if (receivedAt.isAfter(clock.instant().plusSeconds(300))) {
                    reasons.add("receivedAt: must not be in the future");
                }
            } catch (DateTimeParseException e) {
                reasons.add("receivedAt: must be an ISO 8601 instant, e.g. 2026-05-01T10:00:00Z");
            }
        }
        if (!reasons.isEmpty()) {
            throw ApiException.badRequest(reasons);
        }
        repliesFirst.smsArrived(); // the job executor yields while replies come in
        InboundSmsHandler.Result result = handler.handle(phone.get(), sms.text(), receivedAt);
        Map<String, Object> body = new LinkedHashMap<>();
        int status = status(result.outcome());
        body.put("status", status);
        body.put("disposition", result.disposition());
        body.put("message", result.message());
        body.put("reasons", result.reasons());
        return ResponseEntity.status(status).body(body);
    }

    /** The gateway's answer to an SMS: 200 taken (or taken before), 202 kept, 422 not understood, 404 not expected. */
    static int status(InboundSmsHandler.Outcome outcome) {
        return switch (outcome) {
            case TAKEN, ALREADY_TAKEN -> 200;
            case KEPT -> 202;
            case NOT_UNDERSTOOD -> 422;
            case NOT_EXPECTED -> 404;
        };
    }

    /** What the embedded gateway sent to a number; IINs in message keys masked except for specialists. */
    @GetMapping("/api/sms/outbox")
    public List<Map<String, Object>> outbox(@RequestParam("to") String to) {
        currentUser.requireAnyGroup(Roles.SANEPID_SPECIALISTS, Roles.MANAGERS);
        String phone = PhoneNumbers.normalise(to).orElseThrow(() -> ApiException.badRequest(
                List.of("to: must be a Kazakhstan mobile number, +7 and 10 digits")));
        boolean unmasked = currentUser.inAnyGroup(Roles.SANEPID_SPECIALISTS);
        List<SmsGateway.SentSms> sent = gateway.sentTo(phone);
        readAudit.recordReads(sent.stream().flatMap(s -> iinsIn(s.messageKey()).stream()).toList(), "/api/sms/outbox",
                unmasked ? "specialist: SMS sent to a recipient" : "manager: SMS sent to a recipient, masked");
        return sent.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("messageKey", unmasked ? s.messageKey() : IdentificationNumbers.maskInKey(s.messageKey()));
            m.put("to", unmasked ? s.toPhone() : PhoneNumbers.mask(s.toPhone()));
            m.put("body", s.body());
            m.put("sentAt", s.sentAt().toString());
            return m;
        }).toList();
    }

    /** The IINs a message key names (an offer's key is runId:IIN:permitId#attempt). */
    static List<String> iinsIn(String key) {
        List<String> iins = new ArrayList<>();
        for (String part : key.split("[:#]")) {
            if (IdentificationNumbers.isValidIin(part)) {
                iins.add(part);
            }
        }
        return iins;
    }
}
