package kz.health.sanepid.registry.civil;

import static kz.health.sanepid.idnumber.MalformedRegistryRowException.requireIin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import kz.health.sanepid.http.AdapterProperties;
import kz.health.sanepid.http.JsonHttpClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The civil registry over HTTP: {@code POST {base}/name-changes {"from","to"}} answers
 * {@code [{"id","iin","previousFullName","newFullName","changedAt"}]}; {@code POST {base}/deaths/lookup {"iin"}}
 * answers 200 with the record, or 404.
 */
@Component
@ConditionalOnProperty(name = "sanepid.adapters.civil-registry", havingValue = "http")
public class HttpCivilRegistry implements CivilRegistry {

    private final JsonHttpClient http;
    private final String baseUrl;

    @Autowired
    public HttpCivilRegistry(JsonHttpClient http, AdapterProperties properties) {
        this(http, AdapterProperties.baseUrl(properties.civilRegistry(), "civil-registry"));
    }

    public HttpCivilRegistry(JsonHttpClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    @Override
    public List<NameChange> nameChangesBetween(Instant fromExclusive, Instant toInclusive) {
        List<NameChange> rows = http.<List<NameChange>>post(EmbeddedCivilRegistry.NAME, baseUrl + "/name-changes",
                Map.of("from", fromExclusive.toString(), "to", toInclusive.toString()),
                http.json().getTypeFactory().constructCollectionType(List.class, NameChange.class)).orElse(List.of());
        rows.forEach(r -> requireIin(EmbeddedCivilRegistry.NAME, r.iin()));
        return rows;
    }

    @Override
    public boolean hasDeathRecord(String iin) {
        return http.post(EmbeddedCivilRegistry.NAME, baseUrl + "/deaths/lookup", Map.of("iin", iin), Map.class)
                .isPresent();
    }
}
