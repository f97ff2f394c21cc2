package kz.health.sanepid.registry.person;

import static kz.health.sanepid.idnumber.MalformedRegistryRowException.requireBin;
import static kz.health.sanepid.idnumber.MalformedRegistryRowException.requireIin;

import java.util.Map;
import java.util.Optional;

import kz.health.sanepid.http.AdapterProperties;
import kz.health.sanepid.http.JsonHttpClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The person registry over HTTP: {@code POST {base}/persons/lookup {"iin"}} answers the {@link PersonRecord}
 * fields as JSON, or 404; {@code employerBin} (the workplace, order No. 66 item 8 12)) is absent or null when the
 * registry knows no employer.
 */
@Component
@ConditionalOnProperty(name = "sanepid.adapters.person-registry", havingValue = "http")
public class HttpPersonRegistry implements PersonRegistry {

    private final JsonHttpClient http;
    private final String baseUrl;

    @Autowired
    public HttpPersonRegistry(JsonHttpClient http, AdapterProperties properties) {
        this(http, AdapterProperties.baseUrl(properties.personRegistry(), "person-registry"));
    }

    public HttpPersonRegistry(JsonHttpClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    @Override
    public Optional<PersonRecord> find(String iin) {
        Optional<PersonRecord> found = http.post(EmbeddedPersonRegistry.NAME, baseUrl + "/persons/lookup",
                Map.of("iin", iin), PersonRecord.class);
        found.ifPresent(p -> {
            requireIin(EmbeddedPersonRegistry.NAME, p.iin());
            if (p.representativeIin() != null) {
                requireIin(EmbeddedPersonRegistry.NAME, p.representativeIin());
            }
            if (p.employerBin() != null) {
                requireBin(EmbeddedPersonRegistry.NAME, p.employerBin());
            }
        });
        return found;
    }
}
