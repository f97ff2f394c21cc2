package kz.health.sanepid.registry.license;

import java.util.List;
import java.util.Map;

import kz.health.sanepid.http.AdapterProperties;
import kz.health.sanepid.http.JsonHttpClient;
import kz.health.sanepid.http.OutsideSystemException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * e-license over HTTP: {@code POST {base}/permits/held {"holderId"}} answers {@code [Permit]};
 * {@code POST {base}/permits/reissue {"permitId","newHolderName"}} answers the formed {@code Permit} (the same one
 * when asked again); {@code PUT {base}/cabinet/deliveries {"permitId","recipientIin"}} delivers once per permit.
 */
@Component
@ConditionalOnProperty(name = "sanepid.adapters.license-registry", havingValue = "http")
public class HttpLicenseRegistry implements LicenseRegistry {

    static final String NAME = "e-license";
    private final JsonHttpClient http;
    private final String baseUrl;

    @Autowired
    public HttpLicenseRegistry(JsonHttpClient http, AdapterProperties properties) {
        this(http, AdapterProperties.baseUrl(properties.licenseRegistry(), "license-registry"));
    }

    public HttpLicenseRegistry(JsonHttpClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    @Override
    public List<Permit> activePermitsHeldBy(String holderId) {
        return http.<List<Permit>>post(NAME, baseUrl + "/permits/held", Map.of("holderId", holderId),
                http.json().getTypeFactory().constructCollectionType(List.class, Permit.class)).orElse(List.of());
    }

    @Override
    public Permit reissueForNewName(String permitId, String newHolderName) {
        return http.post(NAME, baseUrl + "/permits/reissue", Map.of("permitId", permitId, "newHolderName", newHolderName),
                Permit.class).orElseThrow(() -> new OutsideSystemException(NAME, "has no permit to re-issue"));
    }

    @Override
    public void deliverToCabinet(String permitId, String recipientIin) {
        http.put(NAME, baseUrl + "/cabinet/deliveries", Map.of("permitId", permitId, "recipientIin", recipientIin));
    }
}
