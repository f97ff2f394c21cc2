package kz.health.sanepid.registry.legalentity;

import static kz.health.sanepid.idnumber.MalformedRegistryRowException.requireBin;
import static kz.health.sanepid.idnumber.MalformedRegistryRowException.requireIin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kz.health.sanepid.http.AdapterProperties;
import kz.health.sanepid.http.JsonHttpClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The legal-entity registry over HTTP (through the integration bus):
 * {@code POST {base}/organisations/renamed {"from","to"}} answers {@code [{"bin","newName","previousName","changedAt"}]};
 * {@code POST {base}/organisations/first-head {"bin"}} answers {@code {"iin"}} or 404.
 */
@Component
@ConditionalOnProperty(name = "sanepid.adapters.legal-entity-registry", havingValue = "http")
public class HttpLegalEntityRegistry implements LegalEntityRegistry {

    private final JsonHttpClient http;
    private final String baseUrl;

    @Autowired
    public HttpLegalEntityRegistry(JsonHttpClient http, AdapterProperties properties) {
        this(http, AdapterProperties.baseUrl(properties.legalEntityRegistry(), "legal-entity-registry"));
    }

    public HttpLegalEntityRegistry(JsonHttpClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    @Override
    public List<RenamedOrganisation> renamedBetween(Instant fromExclusive, Instant toInclusive) {
        List<RenamedOrganisation> rows = http.<List<RenamedOrganisation>>post(EmbeddedLegalEntityRegistry.NAME,
                baseUrl + "/organisations/renamed", Map.of("from", fromExclusive.toString(), "to", toInclusive.toString()),
                http.json().getTypeFactory().constructCollectionType(List.class, RenamedOrganisation.class))
                .orElse(List.of());
        rows.forEach(r -> requireBin(EmbeddedLegalEntityRegistry.NAME, r.bin()));
        return rows;
    }

    @Override
    public Optional<String> firstHeadIin(String bin) {
        return http.post(EmbeddedLegalEntityRegistry.NAME, baseUrl + "/organisations/first-head", Map.of("bin", bin),
                        Map.class)
                .map(answer -> (String) answer.get("iin"))
                .map(iin -> requireIin(EmbeddedLegalEntityRegistry.NAME, iin));
    }
}
