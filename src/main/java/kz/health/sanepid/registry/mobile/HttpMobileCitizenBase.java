package kz.health.sanepid.registry.mobile;

import java.util.Map;
import java.util.Optional;

import kz.health.sanepid.http.AdapterProperties;
import kz.health.sanepid.http.JsonHttpClient;
import kz.health.sanepid.idnumber.IdentificationNumbers;
import kz.health.sanepid.idnumber.MalformedRegistryRowException;
import kz.health.sanepid.idnumber.PhoneNumbers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The mobile citizens base over HTTP: {@code POST {base}/subscribers/lookup {"iin"}} answers {"phone", "language"?}
 * ("kk"/"ru", optional: the language the subscriber chose on eGov) or 404. */
@Component
@ConditionalOnProperty(name = "sanepid.adapters.mobile-citizen-base", havingValue = "http")
public class HttpMobileCitizenBase implements MobileCitizenBase {

    static final String NAME = "mobile citizens base";
    private final JsonHttpClient http;
    private final String baseUrl;

    @Autowired
    public HttpMobileCitizenBase(JsonHttpClient http, AdapterProperties properties) {
        this(http, AdapterProperties.baseUrl(properties.mobileCitizenBase(), "mobile-citizen-base"));
    }

    public HttpMobileCitizenBase(JsonHttpClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    @Override
    public Optional<Subscriber> subscriber(String iin) {
        return http.post(NAME, baseUrl + "/subscribers/lookup", Map.of("iin", iin), Map.class)
                .map(answer -> new Subscriber(PhoneNumbers.normalise(String.valueOf(answer.get("phone")))
                        .orElseThrow(() -> new MalformedRegistryRowException(NAME, IdentificationNumbers.mask(iin),
                                "phone number is not +7 and 10 digits")),
                        answer.get("language") instanceof String language && !language.isBlank() ? language : null));
    }
}
