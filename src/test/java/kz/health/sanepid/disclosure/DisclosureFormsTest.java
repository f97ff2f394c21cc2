package kz.health.sanepid.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The forms the diagram names exist under forms/, carry the keys the delegates and listeners read, label every
 * field in Kazakh and Russian, and check IINs as the server does.
 */
class DisclosureFormsTest {

    static final Path FORMS = Path.of("forms");
    static final Path DIAGRAM = Path.of("processes", "medical-secrecy-disclosure.bpmn");

    @Test
    void everyFormTheDiagramNamesExistsWithThatId() throws IOException {
        String diagram = Files.readString(DIAGRAM);
        var matcher = Pattern.compile("camunda:formRef=\"([^\"]+)\"").matcher(diagram);
        List<String> refs = new ArrayList<>();
        while (matcher.find()) {
            refs.add(matcher.group(1));
        }
        assertThat(refs).containsExactlyInAnyOrder("disclosure-request-start", "disclosure-review-ground",
                "disclosure-second-approval");
        for (String ref : refs) {
            JsonNode form = read(ref);
            assertThat(form.path("id").asText()).isEqualTo(ref);
            assertThat(form.path("type").asText()).isEqualTo("default");
            assertThat(form.path("schemaVersion").asInt()).isEqualTo(16);
        }
    }

    @Test
    void theStartFormAsksWhatTheRegistrationChecks() throws IOException {
        JsonNode form = read("disclosure-request-start");
        assertThat(keys(form)).contains(DisclosureProcess.REQUESTER_KIND, DisclosureProcess.REQUESTER_NAME,
                DisclosureProcess.REQUESTER_ID_NUMBER, DisclosureProcess.REQUESTER_CAPACITY,
                DisclosureProcess.PATIENT_IIN, DisclosureProcess.PURPOSE_KIND, DisclosureProcess.PURPOSE,
                DisclosureProcess.DOCUMENT_KIND, DisclosureProcess.DOCUMENT_REF);
        for (String[] box : DisclosureProcess.CATEGORY_CHECKBOXES) {
            assertThat(keys(form)).contains(box[0]);
        }
        JsonNode iin = field(form, DisclosureProcess.PATIENT_IIN);
        assertThat(iin.path("validate").path("pattern").asText()).isEqualTo("^[0-9]{12}$");
        assertThat(iin.path("validate").path("required").asBoolean()).isTrue();
        assertThat(values(field(form, DisclosureProcess.REQUESTER_KIND)))
                .containsExactly(names(RequesterKind.values()));
        assertThat(values(field(form, DisclosureProcess.PURPOSE_KIND))).containsExactly(names(PurposeKind.values()));
        assertThat(values(field(form, DisclosureProcess.DOCUMENT_KIND))).containsExactly(names(DocumentKind.values()));
    }

    @Test
    void theOfficersDecideWithTheCodesTheListenersAccept() throws IOException {
        JsonNode review = read("disclosure-review-ground");
        assertThat(values(field(review, DisclosureProcess.REVIEW_DECISION)))
                .containsExactly(DisclosureProcess.CONFIRMED, DisclosureProcess.REJECTED);
        assertThat(keys(review)).contains(DisclosureProcess.REVIEW_COMMENT, DisclosureProcess.PROPOSED_GROUND,
                DisclosureProcess.DOCUMENT_REF, DisclosureProcess.RELEASABLE_CATEGORIES);
        JsonNode approval = read("disclosure-second-approval");
        assertThat(values(field(approval, DisclosureProcess.APPROVAL_DECISION)))
                .containsExactly(DisclosureProcess.APPROVED, DisclosureProcess.REJECTED);
        assertThat(keys(approval)).contains(DisclosureProcess.APPROVAL_COMMENT, DisclosureProcess.REVIEWED_BY);
        // what the officer only reads is shown disabled, so submitting the form does not overwrite it
        assertThat(field(review, DisclosureProcess.PATIENT_IIN).path("disabled").asBoolean()).isTrue();
        assertThat(field(approval, DisclosureProcess.REVIEWED_BY).path("disabled").asBoolean()).isTrue();
    }

    @Test
    void everyLabelIsInKazakhAndRussian() throws IOException {
        for (String ref : List.of("disclosure-request-start", "disclosure-review-ground",
                "disclosure-second-approval")) {
            for (JsonNode component : read(ref).path("components")) {
                if (component.has("label")) {
                    assertThat(component.path("label").asText()).as(ref + " " + component.path("key").asText())
                            .contains(" / ");
                }
            }
        }
    }

    private static JsonNode read(String id) throws IOException {
        return new ObjectMapper().readTree(FORMS.resolve(id + ".form").toFile());
    }

    private static List<String> keys(JsonNode form) {
        List<String> keys = new ArrayList<>();
        form.path("components").forEach(c -> {
            if (c.has("key")) {
                keys.add(c.path("key").asText());
            }
        });
        return keys;
    }

    private static JsonNode field(JsonNode form, String key) {
        for (JsonNode c : form.path("components")) {
            if (key.equals(c.path("key").asText())) {
                return c;
            }
        }
        throw new AssertionError("no field " + key);
    }

    private static List<String> values(JsonNode field) {
        List<String> values = new ArrayList<>();
        field.path("values").forEach(v -> values.add(v.path("value").asText()));
        return values;
    }

    private static String[] names(Enum<?>[] constants) {
        return java.util.Arrays.stream(constants).map(Enum::name).toArray(String[]::new);
    }
}
