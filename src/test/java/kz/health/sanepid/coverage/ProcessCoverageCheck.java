package kz.health.sanepid.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The build's threshold per process: reads every report.json that camunda-process-test-coverage wrote under
 * {@code target/process-test-coverage/} (one per process test class, see {@link ProcessCoverageSetup}), joins them
 * per process key and fails when the share of flow nodes or of sequence flows that the tests passed through is below
 * the minimum in {@code src/test/resources/coverage-thresholds.properties}. A diagram in {@code processes/} without
 * a threshold fails as well, so a new process cannot go untested.
 *
 * <p>Not an ordinary test: surefire's {@code process-coverage} execution runs it alone in the {@code verify} phase,
 * after every test class has written its report ({@code pom.xml}); {@code -Dcoverage.check.skip=true} leaves it out
 * (a partial run with {@code -Dtest=...} has partial reports).
 */
class ProcessCoverageCheck {

    static final Path REPORTS = Path.of("target", "process-test-coverage");
    static final Path DIAGRAMS = Path.of("processes");

    /** What the tests passed through in one process, over all report files. */
    record Measured(String key, int flowNodes, int coveredFlowNodes, int sequenceFlows, int coveredSequenceFlows) {
        double flowNodeShare() {
            return flowNodes == 0 ? 1.0 : (double) coveredFlowNodes / flowNodes;
        }

        double sequenceFlowShare() {
            return sequenceFlows == 0 ? 1.0 : (double) coveredSequenceFlows / sequenceFlows;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%s: flow nodes %d/%d = %.3f, sequence flows %d/%d = %.3f",
                    key, coveredFlowNodes, flowNodes, flowNodeShare(), coveredSequenceFlows, sequenceFlows,
                    sequenceFlowShare());
        }
    }

    @Test
    void everyProcessIsCoveredAtLeastToItsThreshold() throws IOException {
        Properties thresholds = thresholds();
        Map<String, Measured> measured = measure();
        System.out.println("Process test coverage over " + reportFiles().size() + " test classes:");
        measured.values().forEach(m -> System.out.println("  " + m));

        List<String> failures = new ArrayList<>();
        for (String key : executableProcessKeys()) {
            String nodes = thresholds.getProperty(key + ".flow-nodes");
            String flows = thresholds.getProperty(key + ".sequence-flows");
            if (nodes == null || flows == null) {
                failures.add(key + ": no threshold in coverage-thresholds.properties");
                continue;
            }
            Measured m = measured.get(key);
            if (m == null) {
                failures.add(key + ": no test ran it");
                continue;
            }
            if (m.flowNodeShare() < Double.parseDouble(nodes)) {
                failures.add(m + " — flow nodes below " + nodes);
            }
            if (m.sequenceFlowShare() < Double.parseDouble(flows)) {
                failures.add(m + " — sequence flows below " + flows);
            }
        }
        assertThat(failures).as("process coverage below the thresholds (report: target/process-test-coverage/)")
                .isEmpty();
    }

    static Properties thresholds() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ProcessCoverageCheck.class.getResourceAsStream("/coverage-thresholds.properties")) {
            assertThat(in).as("coverage-thresholds.properties on the test class path").isNotNull();
            properties.load(in);
        }
        return properties;
    }

    static Set<String> executableProcessKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(DIAGRAMS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class).stream()
                        .filter(Process::isExecutable).forEach(p -> keys.add(p.getId()));
            }
        }
        return keys;
    }

    static List<Path> reportFiles() throws IOException {
        if (!Files.isDirectory(REPORTS)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(REPORTS)) {
            return dirs.map(d -> d.resolve("report.json")).filter(Files::isRegularFile).sorted().toList();
        }
    }

    static Map<String, Measured> measure() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> xmlByKey = new TreeMap<>();
        Map<String, Set<String>> nodesByKey = new TreeMap<>();
        Map<String, Set<String>> flowsByKey = new TreeMap<>();
        for (Path file : reportFiles()) {
            JsonNode report = json.readTree(file.toFile());
            report.path("models").forEach(m -> xmlByKey.putIfAbsent(m.path("key").asText(), m.path("xml").asText()));
            for (JsonNode suite : report.path("suites")) {
                for (JsonNode run : suite.path("runs")) {
                    for (JsonNode event : run.path("events")) {
                        String key = event.path("modelKey").asText();
                        String element = event.path("definitionKey").asText();
                        switch (event.path("source").asText()) {
                            case "FLOW_NODE" -> nodesByKey.computeIfAbsent(key, k -> new TreeSet<>()).add(element);
                            case "SEQUENCE_FLOW" -> flowsByKey.computeIfAbsent(key, k -> new TreeSet<>()).add(element);
                            default -> { }
                        }
                    }
                }
            }
        }
        Map<String, Measured> measured = new TreeMap<>();
        xmlByKey.forEach((key, xml) -> {
            BpmnModelInstance model = Bpmn.readModelFromStream(
                    new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            Set<String> nodes = idsIn(model, key, FlowNode.class);
            Set<String> flows = idsIn(model, key, SequenceFlow.class);
            Set<String> coveredNodes = intersection(nodes, nodesByKey.getOrDefault(key, Set.of()));
            Set<String> coveredFlows = intersection(flows, flowsByKey.getOrDefault(key, Set.of()));
            measured.put(key, new Measured(key, nodes.size(), coveredNodes.size(), flows.size(), coveredFlows.size()));
        });
        return measured;
    }

    /** The elements of one type inside the process with this key (also inside its sub-processes). */
    private static Set<String> idsIn(BpmnModelInstance model, String key, Class<? extends FlowElement> type) {
        return model.getModelElementsByType(type).stream()
                .filter(e -> key.equals(processOf(e)))
                .map(FlowElement::getId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String processOf(ModelElementInstance element) {
        ModelElementInstance parent = element.getParentElement();
        while (parent != null && !(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return parent == null ? null : ((Process) parent).getId();
    }

    private static Set<String> intersection(Set<String> all, Set<String> seen) {
        Set<String> covered = new TreeSet<>(all);
        covered.retainAll(seen);
        return covered;
    }
}
