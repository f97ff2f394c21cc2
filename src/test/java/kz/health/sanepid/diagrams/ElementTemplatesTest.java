package kz.health.sanepid.diagrams;

import static kz.health.sanepid.diagrams.Diagrams.BPMN;
import static kz.health.sanepid.diagrams.Diagrams.camunda;
import static kz.health.sanepid.diagrams.Diagrams.children;
import static kz.health.sanepid.diagrams.Diagrams.extensions;
import static kz.health.sanepid.diagrams.Diagrams.where;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.health.sanepid.diagrams.Diagrams.Diagram;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.w3c.dom.Element;

/**
 * The Camunda Modeler element templates of {@code element-templates/} (Camunda 7 format) and the diagrams agree:
 * every service task, send task, execution listener (end events, the process, sequence flows) and task listener of
 * {@code processes/} matches one template (same bean, same asynchronous continuations and retry cycle, same typed
 * inputs), every template is used and names a bean of the application context of the right kind, and the templates
 * are valid JSON with unique ids, also where Modeler reads them ({@code processes/.camunda/element-templates}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ElementTemplatesTest {

    static final Path TEMPLATES = Path.of("element-templates");
    static final Path MODELER_TEMPLATES = Path.of("processes", ".camunda", "element-templates");
    static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";
    static final Set<String> BINDINGS = Set.of("property", "camunda:property", "camunda:inputParameter",
            "camunda:outputParameter", "camunda:in", "camunda:out", "camunda:in:businessKey",
            "camunda:executionListener", "camunda:field", "camunda:errorEventDefinition");
    static final Pattern BEAN = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    /** Element types a template's modelerTemplate attribute is written on (those Modeler applies it to as is). */
    static final Set<String> MARKED = Set.of("serviceTask", "sendTask", "endEvent");

    static final ObjectMapper JSON = new ObjectMapper();
    static Map<String, JsonNode> templates;

    @Autowired
    ApplicationContext context;

    /** One use of a bean in a diagram: a delegate of a task, or an execution or task listener. */
    record Use(Diagram diagram, Element element, String kind, String event, String expression) {
        String where() {
            return Diagrams.where(diagram, element) + " (" + kind + (event == null ? "" : " " + event) + " "
                    + expression + ")";
        }
    }

    @BeforeAll
    static void readTemplates() throws IOException {
        templates = new TreeMap<>();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                templates.put(file.getFileName().toString(), JSON.readTree(file.toFile()));
            }
        }
    }

    @Test
    void templatesAreValidWithUniqueIdsAndBilingualNames() {
        assertThat(templates).hasSizeGreaterThanOrEqualTo(45);
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Map.Entry<String, JsonNode> entry : templates.entrySet()) {
            String file = entry.getKey();
            JsonNode t = entry.getValue();
            if (!t.isObject()) {
                problems.add(file + ": not one template object");
                continue;
            }
            if (!SCHEMA.equals(t.path("$schema").asText())) {
                problems.add(file + ": $schema is not the Camunda 7 element-templates schema");
            }
            String id = t.path("id").asText("");
            if (!id.startsWith("kz.health.sanepid.") || !ids.add(id)) {
                problems.add(file + ": id '" + id + "' missing, outside kz.health.sanepid. or not unique");
            }
            if (!file.equals(id.substring(Math.min(id.length(), "kz.health.sanepid.".length())) + ".json")) {
                problems.add(file + ": the file is not named after the id " + id);
            }
            if (!t.path("version").isInt()) {
                problems.add(file + ": no integer version");
            }
            if (!bilingual(t.path("name").asText(""))) {
                problems.add(file + ": name '" + t.path("name").asText() + "' is not 'Қазақша / По-русски'");
            }
            if (!t.path("appliesTo").isArray() || t.path("appliesTo").isEmpty()) {
                problems.add(file + ": appliesTo is empty");
            }
            t.path("appliesTo").forEach(a -> {
                if (!a.asText().startsWith("bpmn:")) {
                    problems.add(file + ": appliesTo " + a);
                }
            });
            if (!t.path("properties").isArray()) {
                problems.add(file + ": properties is not an array");
            }
            for (JsonNode p : t.path("properties")) {
                String binding = p.path("binding").path("type").asText();
                if (!BINDINGS.contains(binding)) {
                    problems.add(file + ": unknown binding type '" + binding + "'");
                }
                if ("camunda:executionListener".equals(binding) && !"Hidden".equals(p.path("type").asText())) {
                    problems.add(file + ": an execution listener property must be Hidden");
                }
                if ("Dropdown".equals(p.path("type").asText()) && !p.path("choices").isArray()) {
                    problems.add(file + ": Dropdown without choices");
                }
            }
            if (implementation(t) == null) {
                problems.add(file + ": names no bean (delegateExpression, executionListener, metadata.taskListeners or metadata.messageEventDefinition)");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void modelerFindsTheSameTemplatesNextToTheDiagrams() throws IOException {
        assertThat(MODELER_TEMPLATES).as("processes/.camunda/element-templates (a link to element-templates/)")
                .isDirectory();
        assertThat(Files.isSameFile(MODELER_TEMPLATES, TEMPLATES)).isTrue();
        try (Stream<Path> files = Files.list(MODELER_TEMPLATES)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).containsExactlyElementsOf(templates.keySet());
        }
    }

    @Test
    void everyTemplateNamesABeanOfTheRightKindAndIsUsed() {
        Set<String> used = new HashSet<>();
        List<String> unmatched = new ArrayList<>();
        for (Use use : uses()) {
            match(use, unmatched).ifPresent(used::add);
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : templates.entrySet()) {
            JsonNode t = entry.getValue();
            String[] implementation = implementation(t);
            if (implementation == null) {
                continue;
            }
            Matcher m = BEAN.matcher(implementation[1]);
            if (!m.matches()) {
                problems.add(entry.getKey() + ": '" + implementation[1] + "' is not ${bean}");
                continue;
            }
            String bean = m.group(1);
            if (!context.containsBean(bean)) {
                problems.add(entry.getKey() + ": no bean '" + bean + "' in the application context");
                continue;
            }
            Class<?> kind = switch (implementation[0]) {
                case "delegate", "messageDelegate" -> JavaDelegate.class;
                case "executionListener" -> ExecutionListener.class;
                default -> TaskListener.class;
            };
            if (!kind.isInstance(context.getBean(bean))) {
                problems.add(entry.getKey() + ": bean '" + bean + "' is not a " + kind.getSimpleName());
            }
            if (!used.contains(t.path("id").asText())) {
                problems.add(entry.getKey() + ": no diagram element uses it (remove it or the element lost it)");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyDelegateAndListenerOfTheDiagramsMatchesATemplate() {
        List<Use> uses = uses();
        assertThat(uses).hasSizeGreaterThanOrEqualTo(60);
        List<String> problems = new ArrayList<>();
        for (Use use : uses) {
            match(use, problems);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aChangedRetryCycleOrBeanFindsNoTemplate() {
        // the check itself can fail: a service task with another retry cycle, or a bean no template names
        Diagram d = Diagrams.all().stream().filter(x -> x.file().equals("sdu-reissuance-run.bpmn")).findFirst()
                .orElseThrow();
        Element task = d.bpmn("serviceTask").stream()
                .filter(e -> e.getAttribute("id").equals("Task_CollectCandidates")).findFirst().orElseThrow();
        List<String> problems = new ArrayList<>();
        assertThat(match(new Use(d, task, "delegate", null, "${sduCollectCandidates}"), problems)).isPresent();
        assertThat(problems).isEmpty();
        extensions(task, "failedJobRetryTimeCycle").get(0).setTextContent("R5/PT1M");
        assertThat(match(new Use(d, task, "delegate", null, "${sduCollectCandidates}"), problems)).isEmpty();
        assertThat(match(new Use(d, task, "delegate", null, "${sduCollectCandidate}"), problems)).isEmpty();
        assertThat(problems).hasSize(2);
    }

    /** Every delegate and listener in the diagrams. */
    static List<Use> uses() {
        List<Use> uses = new ArrayList<>();
        for (Diagram d : Diagrams.all()) {
            for (Element e : Diagrams.elements(d.document().getElementsByTagNameNS("*", "*"))) {
                if (!BPMN.equals(e.getNamespaceURI())) {
                    continue;
                }
                for (String attribute : List.of("delegateExpression", "expression", "class")) {
                    String value = camunda(e, attribute);
                    if (value != null && e.getLocalName().endsWith("EventDefinition")) {
                        // a message end event's implementation sits on its event definition
                        uses.add(new Use(d, (Element) e.getParentNode(), "messageDelegate", null, value));
                    } else if (value != null) {
                        uses.add(new Use(d, e, "delegate", null, value));
                    }
                }
                for (Element l : extensions(e, "executionListener")) {
                    uses.add(new Use(d, e, "executionListener", l.getAttribute("event"), implementation(l)));
                }
                for (Element l : extensions(e, "taskListener")) {
                    uses.add(new Use(d, e, "taskListener", l.getAttribute("event"), implementation(l)));
                }
            }
        }
        return uses;
    }

    private static String implementation(Element listener) {
        for (String a : List.of("delegateExpression", "expression", "class")) {
            if (listener.hasAttribute(a)) {
                return listener.getAttribute(a);
            }
        }
        return "(script)";
    }

    /** {kind, expression} of a template: its delegateExpression, execution listener or task listener. */
    static String[] implementation(JsonNode t) {
        for (JsonNode p : t.path("properties")) {
            JsonNode b = p.path("binding");
            if ("property".equals(b.path("type").asText()) && "camunda:delegateExpression".equals(b.path("name").asText())) {
                return new String[] {"delegate", p.path("value").asText()};
            }
            if ("camunda:executionListener".equals(b.path("type").asText())) {
                return new String[] {"executionListener", p.path("value").asText()};
            }
        }
        JsonNode tl = t.path("metadata").path("taskListeners");
        if (tl.isArray() && !tl.isEmpty()) {
            return new String[] {"taskListener", tl.get(0).path("delegateExpression").asText()};
        }
        JsonNode message = t.path("metadata").path("messageEventDefinition").path("delegateExpression");
        if (!message.isMissingNode()) {
            return new String[] {"messageDelegate", message.asText()};
        }
        return null;
    }

    /** The id of the one template the use matches; a problem (and empty) when none or several do. */
    private static java.util.Optional<String> match(Use use, List<String> problems) {
        String type = "bpmn:" + Character.toUpperCase(use.element().getLocalName().charAt(0))
                + use.element().getLocalName().substring(1);
        List<String> matching = new ArrayList<>();
        Map<String, String> nearMisses = new LinkedHashMap<>();
        for (JsonNode t : templates.values()) {
            String[] impl = implementation(t);
            if (impl == null || !impl[0].equals(use.kind()) || !impl[1].equals(use.expression())) {
                continue;
            }
            List<String> why = new ArrayList<>();
            boolean applies = false;
            for (JsonNode a : t.path("appliesTo")) {
                applies |= a.asText().equals(type);
            }
            if (!applies) {
                why.add("appliesTo has no " + type);
            }
            switch (use.kind()) {
                case "delegate" -> delegateSettings(use, t, why);
                case "executionListener" -> {
                    boolean event = false;
                    for (JsonNode p : t.path("properties")) {
                        event |= "camunda:executionListener".equals(p.path("binding").path("type").asText())
                                && use.event().equals(p.path("binding").path("event").asText());
                    }
                    if (!event) {
                        why.add("the template's listener is not on '" + use.event() + "'");
                    }
                }
                case "messageDelegate" -> {
                    // the template records the event definition's bean; nothing else to compare
                }
                default -> {
                    boolean event = false;
                    for (JsonNode l : t.path("metadata").path("taskListeners")) {
                        event |= use.event().equals(l.path("event").asText());
                    }
                    if (!event) {
                        why.add("metadata.taskListeners has no '" + use.event() + "'");
                    }
                }
            }
            if (why.isEmpty()) {
                matching.add(t.path("id").asText());
            } else {
                nearMisses.put(t.path("id").asText(), String.join("; ", why));
            }
        }
        if (matching.size() != 1) {
            problems.add(use.where() + ": " + (matching.isEmpty() ? "no template matches" : "several match " + matching)
                    + (nearMisses.isEmpty() ? "" : " " + nearMisses));
            return java.util.Optional.empty();
        }
        String id = matching.get(0);
        String marked = camunda(use.element(), "modelerTemplate");
        boolean shouldMark = MARKED.contains(use.element().getLocalName())
                && List.of("delegate", "executionListener").contains(use.kind());
        if (shouldMark && !id.equals(marked)) {
            problems.add(use.where() + ": camunda:modelerTemplate should be " + id + ", is " + marked);
        } else if (shouldMark && !Objects.equals(String.valueOf(templates.values().stream()
                .filter(t -> t.path("id").asText().equals(id)).findFirst().orElseThrow().path("version").asInt()),
                camunda(use.element(), "modelerTemplateVersion"))) {
            problems.add(use.where() + ": camunda:modelerTemplateVersion is not the template's version");
        }
        return java.util.Optional.of(id);
    }

    /** Async flags and the retry cycle as the template locks them; its inputs, exactly, with allowed values. */
    private static void delegateSettings(Use use, JsonNode t, List<String> why) {
        Map<String, JsonNode> inputs = new HashMap<>();
        Map<String, Boolean> flags = new HashMap<>(Map.of("camunda:asyncBefore", false, "camunda:asyncAfter", false));
        for (JsonNode p : t.path("properties")) {
            JsonNode b = p.path("binding");
            if ("property".equals(b.path("type").asText()) && flags.containsKey(b.path("name").asText())) {
                if (p.path("editable").asBoolean(true)) {
                    why.add(b.path("name").asText() + " is not locked (editable: false)");
                }
                flags.put(b.path("name").asText(), p.path("value").asBoolean());
            }
            if ("camunda:inputParameter".equals(b.path("type").asText())) {
                inputs.put(b.path("name").asText(), p);
            }
        }
        for (Map.Entry<String, Boolean> flag : flags.entrySet()) {
            boolean actual = "true".equals(camunda(use.element(), flag.getKey().substring("camunda:".length())));
            if (actual != flag.getValue()) {
                why.add(flag.getKey() + " is " + actual + ", the template says " + flag.getValue());
            }
        }
        List<Element> retry = extensions(use.element(), "failedJobRetryTimeCycle");
        String actualRetry = retry.isEmpty() ? null : retry.get(0).getTextContent().trim();
        JsonNode templateRetry = t.path("metadata").path("failedJobRetryTimeCycle");
        String expectedRetry = templateRetry.isMissingNode() ? null : templateRetry.asText();
        if (!Objects.equals(actualRetry, expectedRetry)) {
            why.add("failedJobRetryTimeCycle is " + actualRetry + ", the template says " + expectedRetry);
        }
        Map<String, String> actualInputs = new TreeMap<>();
        for (Element io : extensions(use.element(), "inputOutput")) {
            for (Element in : children(io, Diagrams.CAMUNDA, "inputParameter")) {
                actualInputs.put(in.getAttribute("name"), in.getTextContent().trim());
            }
        }
        if (!actualInputs.keySet().equals(new TreeMap<>(inputs).keySet())) {
            why.add("inputs " + actualInputs.keySet() + ", the template has " + new TreeMap<>(inputs).keySet());
            return;
        }
        for (Map.Entry<String, String> in : actualInputs.entrySet()) {
            JsonNode p = inputs.get(in.getKey());
            Set<String> allowed = new HashSet<>();
            switch (p.path("type").asText()) {
                case "Dropdown" -> p.path("choices").forEach(c -> allowed.add(c.path("value").asText()));
                case "Hidden" -> allowed.add(p.path("value").asText());
                default -> allowed.add(in.getValue());
            }
            if (!allowed.contains(in.getValue())) {
                why.add("input " + in.getKey() + "=" + in.getValue() + " is not one of " + allowed);
            }
        }
    }

    /** "Қазақша / По-русски": two non-blank halves; the Russian one has no letter proper to Kazakh. */
    static boolean bilingual(String name) {
        String[] halves = name.split(" / ", -1);
        return halves.length == 2 && !halves[0].isBlank() && !halves[1].isBlank()
                && !halves[1].matches("(?s).*[әғқңөұүһіӘҒҚҢӨҰҮҺІ].*");
    }
}
