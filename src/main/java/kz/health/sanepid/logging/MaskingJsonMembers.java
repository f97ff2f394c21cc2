package kz.health.sanepid.logging;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * The JSON log lines (Spring Boot's structured logging, profile {@code json-logs}) pass the same personal-data mask
 * as the text lines: every string value of a line (the message, the stack trace, MDC and key-value pairs) goes
 * through {@link PersonalDataMasking}. Named by {@code logging.structured.json.customizer} in application.yaml.
 */
public class MaskingJsonMembers implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, PersonalDataMasking::mask));
    }
}
