package kz.health.sanepid.sdustore;

import kz.health.sanepid.http.AdapterProperties;
import kz.health.sanepid.http.JsonHttpClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The SDU store over HTTP: {@code PUT {base}/updated-recipients} with the record; keyed by permitId. */
@Component
@ConditionalOnProperty(name = "sanepid.adapters.sdu-store", havingValue = "http")
public class HttpSduStore implements SduStore {

    private final JsonHttpClient http;
    private final String baseUrl;

    @Autowired
    public HttpSduStore(JsonHttpClient http, AdapterProperties properties) {
        this(http, AdapterProperties.baseUrl(properties.sduStore(), "sdu-store"));
    }

    public HttpSduStore(JsonHttpClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    @Override
    public void writeUpdatedRecipient(UpdatedRecipient recipient) {
        http.put("SDU store", baseUrl + "/updated-recipients", recipient);
    }
}
