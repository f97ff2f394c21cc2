package kz.health.sanepid.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Kazakh and Russian Tasklist translations cover exactly the keys of the English file shipped in
 * camunda-webapp-webjar, keep its placeholders and HTML, are real translations, and are switched on by
 * the Tasklist config.js override. Plain JUnit, no Spring context.
 */
class TasklistTranslationsTest {

    private static final String TASKLIST = "META-INF/resources/webjars/camunda/app/tasklist/";
    private static final String LOCALES = TASKLIST + "locales/";
    private static final String CONFIG = TASKLIST + "scripts/config.js";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}");
    private static final Pattern HTML_TAG =
            Pattern.compile("</?(?:a|b|br|code|em|i|p|span|strong)\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru"})
    void hasExactlyTheKeysOfTheEnglishFile(String locale) throws IOException {
        Map<String, JsonNode> english = leaves(englishSource());
        Map<String, JsonNode> translated = leaves(read(LOCALES + locale + ".json"));

        assertThat(translated.keySet())
                .as("key paths of %s.json compared with en.json", locale)
                .containsExactlyInAnyOrderElementsOf(english.keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru"})
    void valuesAreNonEmptyStringsWithTheEnglishPlaceholdersAndTags(String locale) throws IOException {
        Map<String, JsonNode> english = leaves(englishSource());
        Map<String, JsonNode> translated = leaves(read(LOCALES + locale + ".json"));

        List<String> problems = new ArrayList<>();
        english.forEach((path, en) -> {
            JsonNode value = translated.get(path);
            if (value == null) {
                return; // reported by hasExactlyTheKeysOfTheEnglishFile
            }
            if (!en.isTextual()) {
                // dateLocales.week.dow/doy are numbers in the English file
                if (value.getNodeType() != en.getNodeType()) {
                    problems.add(path + ": expected a " + en.getNodeType() + " like en.json, got " + value);
                }
                return;
            }
            if (!value.isTextual()) {
                problems.add(path + ": not a string: " + value);
                return;
            }
            String text = value.asText();
            if (text.isBlank() && !en.asText().isEmpty()) {
                problems.add(path + ": empty");
            }
            if (!matches(PLACEHOLDER, en.asText()).equals(matches(PLACEHOLDER, text))) {
                problems.add(path + ": placeholders " + matches(PLACEHOLDER, text)
                        + " differ from English " + matches(PLACEHOLDER, en.asText()));
            }
            if (!matches(HTML_TAG, en.asText()).equals(matches(HTML_TAG, text))) {
                problems.add(path + ": HTML tags " + matches(HTML_TAG, text)
                        + " differ from English " + matches(HTML_TAG, en.asText()));
            }
        });
        assertThat(problems).as("problems in %s.json", locale).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru"})
    void atLeastNinetyPercentOfTheValuesAreTranslated(String locale) throws IOException {
        Map<String, JsonNode> english = leaves(englishSource());
        Map<String, JsonNode> translated = leaves(read(LOCALES + locale + ".json"));

        int strings = 0;
        List<String> sameAsEnglish = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : english.entrySet()) {
            if (!entry.getValue().isTextual() || entry.getValue().asText().isEmpty()) {
                continue;
            }
            strings++;
            JsonNode value = translated.get(entry.getKey());
            if (value != null && value.asText().equals(entry.getValue().asText())) {
                sameAsEnglish.add(entry.getKey());
            }
        }
        double translatedShare = 1.0 - (double) sameAsEnglish.size() / strings;
        assertThat(translatedShare)
                .as("share of %s values differing from English; identical: %s", locale, sameAsEnglish)
                .isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void configListsKazakhRussianAndEnglishWithEnglishAsFallback() throws IOException {
        URL config = resource(CONFIG);
        assertThat(config.toString())
                .as("config.js must be the application's override, not the webjar's")
                .doesNotContain("camunda-webapp-webjar");

        String text = new String(readBytes(CONFIG), StandardCharsets.UTF_8);
        Matcher available = Pattern.compile("availableLocales\\s*:\\s*\\[([^\\]]*)]").matcher(text);
        assertThat(available.find()).as("availableLocales in config.js").isTrue();
        List<String> locales = matches(Pattern.compile("['\"]([a-zA-Z-]+)['\"]"), available.group(1), 1);
        assertThat(locales).contains("kk", "ru", "en");
        assertThat(text).containsPattern("fallbackLocale\\s*:\\s*['\"]en['\"]");

        // every listed locale must have a locale file, otherwise Tasklist reports it as missing
        for (String locale : locales) {
            assertThat(Thread.currentThread().getContextClassLoader().getResource(LOCALES + locale + ".json"))
                    .as("locale file for %s", locale)
                    .isNotNull();
        }
    }

    private static JsonNode englishSource() throws IOException {
        URL en = resource(LOCALES + "en.json");
        assertThat(en.toString()).as("en.json comes from the Camunda webjar").contains("camunda-webapp-webjar");
        return read(LOCALES + "en.json");
    }

    /** Every leaf of the document by path: objects by key, arrays by index (months[0]). */
    private static Map<String, JsonNode> leaves(JsonNode root) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        collect(root, "", out);
        return out;
    }

    private static void collect(JsonNode node, String path, Map<String, JsonNode> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(field.getValue(), path + "/" + field.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", out);
            }
        } else {
            out.put(path, node);
        }
    }

    private static List<String> matches(Pattern pattern, String text) {
        return matches(pattern, text, 0);
    }

    private static List<String> matches(Pattern pattern, String text, int group) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(group));
        }
        found.sort(null);
        return found;
    }

    private static URL resource(String name) {
        URL url = Thread.currentThread().getContextClassLoader().getResource(name);
        assertThat(url).as("classpath resource %s", name).isNotNull();
        return url;
    }

    private static JsonNode read(String name) throws IOException {
        // Jackson detects the encoding and skips the UTF-8 byte-order mark that en.json starts with
        return JSON.readTree(readBytes(name));
    }

    private static byte[] readBytes(String name) throws IOException {
        try (InputStream in = resource(name).openStream()) {
            return in.readAllBytes();
        }
    }
}
