package kz.health.sanepid.diagrams;

import static kz.health.sanepid.diagrams.Diagrams.BPMN;
import static kz.health.sanepid.diagrams.Diagrams.MODELER;
import static kz.health.sanepid.diagrams.Diagrams.children;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import kz.health.sanepid.diagrams.Diagrams.Diagram;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * What every diagram of {@code processes/} keeps for the analysts: the Modeler's execution-platform header for
 * Camunda 7.24, and on every activity, gateway and event a name in Kazakh and Russian and a documentation that cites
 * its clause (an article, item or clause number of a source: 004 App.2 item 6, Law 94-V art. 8, Health Code art. 95,
 * APPK art. 91(4), joint order item 8 ...). Plain JUnit: no application context.
 */
class DiagramConventionsTest {

    /** "art. 8", "item 19", "items 12, 18", "Article 25", "clause 3": a numbered provision. */
    static final Pattern CLAUSE = Pattern.compile("(?i)\\b(art\\.|arts\\.|article|items?|clause|para\\.)\\s*\\d");

    @Test
    void everyDiagramHasTheCamunda724Header() {
        List<String> problems = new ArrayList<>();
        for (Diagram d : Diagrams.all()) {
            Element root = d.root();
            if (!"Camunda Platform".equals(root.getAttributeNS(MODELER, "executionPlatform"))
                    || !"7.24.0".equals(root.getAttributeNS(MODELER, "executionPlatformVersion"))) {
                problems.add(d.file() + ": no modeler:executionPlatform=\"Camunda Platform\" executionPlatformVersion=\"7.24.0\"");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyFlowNodeCitesItsClause() {
        List<String> problems = new ArrayList<>();
        int nodes = 0;
        for (Diagram d : Diagrams.all()) {
            for (Element node : d.flowNodes()) {
                nodes++;
                String doc = documentation(node);
                if (doc.isBlank()) {
                    problems.add(Diagrams.where(d, node) + ": no bpmn:documentation");
                } else if (!CLAUSE.matcher(doc).find()) {
                    problems.add(Diagrams.where(d, node) + ": the documentation cites no clause: " + doc);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(nodes).as("flow nodes checked").isGreaterThanOrEqualTo(150);
    }

    @Test
    void everyFlowNodeIsNamedInKazakhAndRussian() {
        List<String> problems = new ArrayList<>();
        for (Diagram d : Diagrams.all()) {
            for (Element node : d.flowNodes()) {
                String name = node.getAttribute("name");
                if (name.isEmpty() && joiningGateway(node)) {
                    continue; // a gateway that only merges paths carries no label, as BPMN style has it
                }
                if (!ElementTemplatesTest.bilingual(name)) {
                    problems.add(Diagrams.where(d, node) + ": name '" + name + "' is not 'Қазақша / По-русски'");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** A term in working days passed as a number, in a diagram or in Java: it belongs in configuration. */
    static final Pattern LITERAL_TERM = Pattern.compile(
            "(deadline|workingDayStart|deadlineFromNow)\\s*\\(([^()]*,\\s*)?\\d+\\s*\\)");

    @Test
    void noTermIsALiteral() throws java.io.IOException {
        List<String> problems = new ArrayList<>();
        for (String dir : List.of("processes", "src/main/java")) {
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(java.nio.file.Path.of(dir))) {
                for (java.nio.file.Path p : files.filter(f -> f.toString().matches(".*\\.(bpmn|java)$")).toList()) {
                    java.util.regex.Matcher m = LITERAL_TERM.matcher(java.nio.file.Files.readString(p));
                    while (m.find()) {
                        problems.add(p + ": " + m.group() + " (name the term: complaintTerms, consentSettings, ...)");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theChecksCanFail() {
        assertThat(LITERAL_TERM.matcher("${workingDays.deadline(registeredAt, 5)}").find()).isTrue();
        assertThat(LITERAL_TERM.matcher("workingDays.deadlineFromNow(3)").find()).isTrue();
        assertThat(LITERAL_TERM.matcher("${workingDays.deadline(registeredAt, complaintTerms.headDecisionWorkingDays())}")
                .find()).isFalse();
        assertThat(CLAUSE.matcher("The answer, immediate or awaited.").find()).isFalse();
        assertThat(CLAUSE.matcher("004 App.2 items 12, 15: 1 agrees").find()).isTrue();
        assertThat(CLAUSE.matcher("Law 94-V art. 8: the revocation stands.").find()).isTrue();
        assertThat(ElementTemplatesTest.bilingual("SMS жіберу")).isFalse();
        assertThat(ElementTemplatesTest.bilingual("6.1 Хабар-ошарсыз / қайтыс болған жоқ па?")).isFalse();
        assertThat(ElementTemplatesTest.bilingual("SMS жіберу / Отправить SMS")).isTrue();
    }

    private static String documentation(Element node) {
        StringBuilder text = new StringBuilder();
        for (Element doc : children(node, BPMN, "documentation")) {
            text.append(doc.getTextContent());
        }
        return text.toString();
    }

    /** More than one incoming flow and exactly one outgoing: the gateway decides nothing. */
    private static boolean joiningGateway(Element node) {
        return node.getLocalName().endsWith("Gateway") && children(node, BPMN, "incoming").size() > 1
                && children(node, BPMN, "outgoing").size() == 1;
    }
}
