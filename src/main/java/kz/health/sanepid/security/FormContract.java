package kz.health.sanepid.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a Camunda Form (forms/*.form) lets a person write when they complete its task: the keys of its input fields
 * and, per field, the values it allows (issue 14: a person changes a process's data only through the fields of the
 * form of a task they may work). Read from the form's JSON as deployed; knows nothing of the engine.
 *
 * <ul>
 * <li>a key the form does not declare is refused;</li>
 * <li>a disabled or read-only field keeps the value the task shows: absent, or equal to the current value;</li>
 * <li>radio and select: one of the listed values; checkbox: a boolean; number: a number; text and date fields: a
 * text within maxLength/minLength and matching pattern;</li>
 * <li>required: present and not empty, unless the field is shown only under a condition (FEEL conditions are not
 * evaluated on the server: the field's own rules still hold when it is submitted, and the task's listener checks
 * what the condition demands).</li>
 * </ul>
 */
public final class FormContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TEXT = Set.of("textfield", "textarea", "datetime");
    private static final Set<String> CHOICE = Set.of("radio", "select");

    record Field(String key, String type, boolean readOnly, boolean required, List<String> values, Integer minLength,
                 Integer maxLength, Pattern pattern, Double min, Double max) {
    }

    private final String formId;
    private final Map<String, Field> fields;

    private FormContract(String formId, Map<String, Field> fields) {
        this.formId = formId;
        this.fields = fields;
    }

    public String formId() {
        return formId;
    }

    public Set<String> keys() {
        return fields.keySet();
    }

    /** The fields a person may write (not disabled, not read-only), with their rules. */
    Collection<Field> fields() {
        return fields.values();
    }

    public static FormContract parse(byte[] json) {
        try {
            JsonNode form = JSON.readTree(json);
            Map<String, Field> fields = new LinkedHashMap<>();
            collect(form.path("components"), fields);
            return new FormContract(form.path("id").asText(), fields);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a Camunda Form: " + e.getMessage(), e);
        }
    }

    /** The form's id from its JSON, or null when the bytes are not a form. */
    public static String idOf(byte[] json) {
        try {
            JsonNode id = JSON.readTree(json).path("id");
            return id.isTextual() ? id.asText() : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static void collect(JsonNode components, Map<String, Field> fields) {
        for (JsonNode c : components) {
            if (c.has("components")) {
                collect(c.path("components"), fields); // groups
            }
            String key = c.path("key").asText(null);
            if (key == null || key.isBlank()) {
                continue; // text, spacer, button: writes nothing
            }
            JsonNode validate = c.path("validate");
            List<String> values = new ArrayList<>();
            c.path("values").forEach(v -> values.add(v.path("value").asText()));
            boolean readOnly = c.path("disabled").asBoolean(false) || c.path("readonly").asBoolean(false);
            boolean conditional = c.has("conditional");
            fields.put(key, new Field(key, c.path("type").asText(), readOnly,
                    validate.path("required").asBoolean(false) && !conditional && !readOnly, List.copyOf(values),
                    intOrNull(validate, "minLength"), intOrNull(validate, "maxLength"), pattern(validate),
                    doubleOrNull(validate, "min"), doubleOrNull(validate, "max")));
        }
    }

    /**
     * What is wrong with {@code submitted} (variable name to plain value), empty when it keeps to the form.
     * {@code current} answers the value the task shows for a key (for read-only fields).
     */
    public List<String> violations(Map<String, Object> submitted, Function<String, Object> current) {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Object> entry : submitted.entrySet()) {
            Field field = fields.get(entry.getKey());
            if (field == null) {
                wrong.add(entry.getKey() + ": not a field of form " + formId);
                continue;
            }
            String problem = problem(field, entry.getValue(), current);
            if (problem != null) {
                wrong.add(entry.getKey() + ": " + problem);
            }
        }
        for (Field field : fields.values()) {
            if (field.required() && blank(submitted.get(field.key()))) {
                wrong.add(field.key() + ": required");
            }
        }
        return wrong;
    }

    private static String problem(Field field, Object value, Function<String, Object> current) {
        if (value instanceof NotPlain) {
            return "a " + ((NotPlain) value).type() + " value is not a form value";
        }
        if (field.readOnly()) {
            Object shown = current.apply(field.key());
            return value == null || Objects.equals(value, shown) || String.valueOf(value).equals(String.valueOf(shown))
                    ? null : "read-only on this form";
        }
        if (value == null) {
            return null; // an empty field; "required" is checked apart
        }
        String type = field.type();
        if (CHOICE.contains(type)) {
            return value instanceof String s && field.values().contains(s) ? null
                    : "one of " + field.values();
        }
        if ("checkbox".equals(type)) {
            return value instanceof Boolean ? null : "true or false";
        }
        if ("number".equals(type)) {
            if (!(value instanceof Number n)) {
                return "a number";
            }
            boolean inRange = (field.min() == null || n.doubleValue() >= field.min())
                    && (field.max() == null || n.doubleValue() <= field.max());
            return inRange ? null : "out of range";
        }
        if (TEXT.contains(type)) {
            if (!(value instanceof String s)) {
                return "a text";
            }
            if (field.maxLength() != null && s.length() > field.maxLength()) {
                return "at most " + field.maxLength() + " characters";
            }
            if (!s.isEmpty() && field.minLength() != null && s.length() < field.minLength()) {
                return "at least " + field.minLength() + " characters";
            }
            if (!s.isEmpty() && field.pattern() != null && !field.pattern().matcher(s).matches()) {
                return "does not match " + field.pattern().pattern();
            }
            return null;
        }
        return "a field of type " + type + " takes no value on the server";
    }

    /** A submitted value that is no plain form value (an object, JSON, XML or file value). */
    public record NotPlain(String type) {
    }

    private static boolean blank(Object value) {
        return value == null || value instanceof String s && s.isBlank();
    }

    private static Integer intOrNull(JsonNode node, String name) {
        return node.hasNonNull(name) && node.get(name).isNumber() ? node.get(name).asInt() : null;
    }

    private static Double doubleOrNull(JsonNode node, String name) {
        return node.hasNonNull(name) && node.get(name).isNumber() ? node.get(name).asDouble() : null;
    }

    private static Pattern pattern(JsonNode validate) {
        String regex = validate.path("pattern").asText(null);
        if (regex == null || regex.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException notJava) {
            throw new IllegalArgumentException("form pattern not usable on the server: " + regex, notJava);
        }
    }
}
