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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Kazakh and Russian translations of Tasklist, Admin and Cockpit cover exactly the keys of the English file shipped in
 * camunda-webapp-webjar (an upgrade that adds or removes a key fails here), keep its placeholders and HTML, are real
 * translations, and are switched on by each webapp's config.js override. Plain JUnit, no Spring context.
 */
class WebappTranslationsTest {

    private static final String APP = "META-INF/resources/webjars/camunda/app/";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}|\\{}");
    private static final Pattern HTML_TAG =
            Pattern.compile("</?(?:a|b|br|code|em|i|p|span|strong)\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Names (Camunda, Cockpit) and technical tokens (ID, null, formats, comparison operators). */
    private static final Set<String> COCKPIT_SAME_IN_EVERY_LANGUAGE = Set.of(
            "Camunda", "Cockpit", "Camunda Cockpit", "ID", "null", "<null>", "CSV", "JSON", "<", "<=", ">", ">=");

    @ParameterizedTest
    @CsvSource({"tasklist,kk", "tasklist,ru", "admin,kk", "admin,ru", "cockpit,kk", "cockpit,ru"})
    void hasExactlyTheKeysOfTheEnglishFile(String app, String locale) throws IOException {
        Map<String, JsonNode> english = leaves(englishSource(app));
        Map<String, JsonNode> translated = leaves(read(locales(app) + locale + ".json"));

        assertThat(translated.keySet())
                .as("key paths of %s.json compared with en.json", locale)
                .containsExactlyInAnyOrderElementsOf(english.keySet());
    }

    @ParameterizedTest
    @CsvSource({"tasklist,kk", "tasklist,ru", "admin,kk", "admin,ru", "cockpit,kk", "cockpit,ru"})
    void valuesAreNonEmptyStringsWithTheEnglishPlaceholdersAndTags(String app, String locale) throws IOException {
        Map<String, JsonNode> english = leaves(englishSource(app));
        Map<String, JsonNode> translated = leaves(read(locales(app) + locale + ".json"));

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
    @CsvSource({"tasklist,kk", "tasklist,ru", "admin,kk", "admin,ru", "cockpit,kk", "cockpit,ru"})
    void atLeastNinetyPercentOfTheValuesAreTranslated(String app, String locale) throws IOException {
        Map<String, JsonNode> english = leaves(englishSource(app));
        Map<String, JsonNode> translated = leaves(read(locales(app) + locale + ".json"));

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

    /**
     * Cockpit's labels, English or not only where the English is a name or a technical token that reads the same in
     * Kazakh and Russian; anything else left in English (a key an upgrade adds, copied over untranslated) fails.
     */
    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru"})
    void cockpitLeavesInEnglishOnlyNamesAndTechnicalTokens(String locale) throws IOException {
        Map<String, JsonNode> english = leaves(englishSource("cockpit"));
        Map<String, JsonNode> translated = leaves(read(locales("cockpit") + locale + ".json"));

        List<String> untranslated = new ArrayList<>();
        english.forEach((path, en) -> {
            JsonNode value = translated.get(path);
            if (en.isTextual() && value != null && value.asText().equals(en.asText())
                    && !path.startsWith("/dateLocales/") && !COCKPIT_SAME_IN_EVERY_LANGUAGE.contains(en.asText())) {
                untranslated.add(path + " = " + en.asText());
            }
        });
        assertThat(untranslated).as("Cockpit %s.json values left in English", locale).isEmpty();
        // the whitelist is not a loophole: each entry is still used by some key
        assertThat(english.values().stream().map(JsonNode::asText).toList())
                .containsAll(COCKPIT_SAME_IN_EVERY_LANGUAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "admin", "cockpit"})
    void configListsKazakhRussianAndEnglishWithEnglishAsFallback(String app) throws IOException {
        URL config = resource(APP + app + "/scripts/config.js");
        assertThat(config.toString())
                .as("config.js must be the application's override, not the webjar's")
                .doesNotContain("camunda-webapp-webjar");

        String text = new String(readBytes(APP + app + "/scripts/config.js"), StandardCharsets.UTF_8);
        Matcher available = Pattern.compile("availableLocales\\s*:\\s*\\[([^\\]]*)]").matcher(text);
        assertThat(available.find()).as("availableLocales in config.js").isTrue();
        List<String> locales = matches(Pattern.compile("['\"]([a-zA-Z-]+)['\"]"), available.group(1), 1);
        assertThat(locales).contains("kk", "ru", "en");
        assertThat(text).containsPattern("fallbackLocale\\s*:\\s*['\"]en['\"]");
        // the app's name in both languages
        assertThat(text).containsPattern("name\\s*:\\s*'[^'a-zA-Z]+ / [^'a-zA-Z]+'");

        // every listed locale must have a locale file, otherwise Tasklist reports it as missing
        for (String locale : locales) {
            assertThat(Thread.currentThread().getContextClassLoader().getResource(locales(app) + locale + ".json"))
                    .as("locale file for %s", locale)
                    .isNotNull();
        }
    }

    @ParameterizedTest
    @CsvSource({"tasklist,kk", "tasklist,ru", "admin,kk", "admin,ru", "cockpit,kk", "cockpit,ru"})
    void datesAreWrittenTheKazakhstaniWay(String app, String locale) throws IOException {
        JsonNode dates = read(locales(app) + locale + ".json").path("dateLocales");
        assertThat(dates.path("longDateFormat").path("L").asText()).isEqualTo("DD.MM.YYYY");
        assertThat(dates.path("longDateFormat").path("LT").asText()).isEqualTo("HH:mm");
        assertThat(dates.path("week").path("dow").asInt()).as("weeks start on Monday").isEqualTo(1);
        assertThat(dates.path("months").get(0).asText()).isEqualTo("kk".equals(locale) ? "қаңтар" : "января");
    }

    private static String locales(String app) {
        return APP + app + "/locales/";
    }

    private static JsonNode englishSource(String app) throws IOException {
        URL en = resource(locales(app) + "en.json");
        assertThat(en.toString()).as("en.json comes from the Camunda webjar").contains("camunda-webapp-webjar");
        return read(locales(app) + "en.json");
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
