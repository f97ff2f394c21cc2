package kz.health.sanepid.diagrams;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The diagrams of {@code processes/}, read as XML (namespace-aware), for the tests that check them as sources. */
final class Diagrams {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    static final String MODELER = "http://camunda.org/schema/modeler/1.0";
    static final Path PROCESSES = Path.of("processes");

    /** The BPMN types that are flow nodes: activities, gateways and events. */
    static final List<String> FLOW_NODES = List.of("task", "serviceTask", "sendTask", "receiveTask", "userTask",
            "businessRuleTask", "scriptTask", "manualTask", "callActivity", "subProcess", "exclusiveGateway",
            "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway", "startEvent", "endEvent",
            "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent");

    record Diagram(String file, Document document) {
        Element root() {
            return document.getDocumentElement();
        }

        List<Element> bpmn(String localName) {
            return elements(document.getElementsByTagNameNS(BPMN, localName));
        }

        List<Element> flowNodes() {
            List<Element> nodes = new ArrayList<>();
            for (String type : FLOW_NODES) {
                nodes.addAll(bpmn(type));
            }
            return nodes;
        }
    }

    private Diagrams() {
    }

    static List<Diagram> all() {
        List<Diagram> diagrams = new ArrayList<>();
        try (Stream<Path> files = Files.list(PROCESSES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
                diagrams.add(new Diagram(file.getFileName().toString(), parse(file)));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (diagrams.size() < 7) {
            throw new IllegalStateException("expected the 7 diagrams of processes/, found " + diagrams.size());
        }
        return diagrams;
    }

    static Document parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        } catch (Exception e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    static List<Element> elements(NodeList list) {
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            elements.add((Element) list.item(i));
        }
        return elements;
    }

    /** Direct children of {@code parent} in {@code namespace} named {@code localName}. */
    static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    /** The camunda extension elements named {@code localName} directly under the element's extensionElements. */
    static List<Element> extensions(Element element, String localName) {
        List<Element> found = new ArrayList<>();
        for (Element ext : children(element, BPMN, "extensionElements")) {
            found.addAll(children(ext, CAMUNDA, localName));
        }
        return found;
    }

    /** A camunda attribute, or null when absent. */
    static String camunda(Element element, String name) {
        return element.hasAttributeNS(CAMUNDA, name) ? element.getAttributeNS(CAMUNDA, name) : null;
    }

    static String where(Diagram d, Element e) {
        return d.file() + "#" + (e.hasAttribute("id") ? e.getAttribute("id") : e.getLocalName());
    }
}
