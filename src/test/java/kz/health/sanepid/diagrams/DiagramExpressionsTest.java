package kz.health.sanepid.diagrams;

import static kz.health.sanepid.diagrams.Diagrams.BPMN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import kz.health.sanepid.diagrams.Diagrams.Diagram;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Every expression of {@code processes/*.bpmn} (conditions, delegate and listener expressions, due dates, timers,
 * candidate groups, input parameters, call activity mappings: any {@code ${...}} or {@code #{...}} outside the
 * documentation) resolves at build time: each {@code bean.member...} names a bean of the application context and a
 * public method (with that many arguments) or a getter along the chain, and each bare name is a variable the process
 * sets (the list below, per diagram, each name also written by the code, a form, a DMN table or the diagram). A typo
 * fails {@code mvn verify}, not a recipient at run time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DiagramExpressionsTest {

    /**
     * The variables each diagram's expressions read by bare name, and who sets them. A new one goes here with the
     * place it is set; the test also finds it written in src/main/java, forms/ or processes/.
     */
    static final Map<String, Set<String>> VARIABLES = Map.of(
            // registerDisclosureRequest: receivedAt, reviewWorkingDays (sanepid.disclosure.review-working-days);
            // groundDecisionMapping (DMN medical-secrecy-ground): proposedGround, secondApprovalRequired;
            // forms disclosure-review-ground / disclosure-second-approval: reviewDecision, approvalDecision;
            // the consent call activity's out: consentOutcome
            "medical-secrecy-disclosure.bpmn", Set.of("receivedAt", "reviewWorkingDays", "proposedGround",
                    "secondApprovalRequired", "reviewDecision", "approvalDecision", "consentOutcome"),
            // DMN consent-revocation-check (resultVariable): revocationBar; form consent-revocation-review
            "personal-data-consent-revocation.bpmn", Set.of("revocationBar", "revocationReviewDecision"),
            // findCoveringConsent: coveringConsentId; DMN consent-legal-basis: legalBasisGround;
            // form consent-confirm-legal-ground: officerDecision; requestConsent / the answer: consentAnswer
            "personal-data-consent.bpmn", Set.of("coveringConsentId", "legalBasisGround", "officerDecision",
                    "consentAnswer"),
            // registerComplaintDelegate: registeredAt, receivedBy, addressee, reviewingBodyCountStart (also
            // forwardComplaintDelegate); form complaint-first-review: providerAction
            "public-service-complaint.bpmn", Set.of("registeredAt", "receivedBy", "addressee",
                    "reviewingBodyCountStart", "providerAction"),
            // sduCheckMobileBase: hasPhone; the SmsReply message: replyDigit; the consent call activity: consentOutcome
            "sdu-reissuance-recipient.bpmn", Set.of("hasPhone", "replyDigit", "consentOutcome"),
            // sduCheckPilotPeriod: pilotActive; sduCollectCandidates / sduStartRecipientBatch: candidatesLeft
            "sdu-reissuance-run.bpmn", Set.of("pilotActive", "candidatesLeft"),
            "sdu-reissuance-schedule.bpmn", Set.of(),
            // the start message from sdu-reissuance-recipient: requestedAt, updateWorkingDays
            // (sanepid.professional-register.*); professionalRegisterFindEmployer: employerKnown
            "professional-register-update.bpmn", Set.of("requestedAt", "updateWorkingDays", "employerKnown"));

    /** What the engine puts in scope besides beans and variables. */
    static final Map<String, Class<?>> ENGINE = Map.of("execution", DelegateExecution.class, "task", DelegateTask.class);

    static final Set<String> KEYWORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq", "ne", "lt",
            "gt", "le", "ge", "div", "mod", "instanceof");
    static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    static final Pattern CHAIN = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)((?:\\s*\\.\\s*[A-Za-z_]\\w*)*)");

    @Autowired
    ApplicationContext context;

    record Found(String where, String expression) {
    }

    @Test
    void everyExpressionOfTheDiagramsResolves() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Diagram d : Diagrams.all()) {
            Set<String> variables = VARIABLES.get(d.file());
            assertThat(variables).as("the variables of " + d.file() + " are listed").isNotNull();
            for (Found f : expressions(d)) {
                checked++;
                problems.addAll(resolve(f, variables));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).as("expressions checked").isGreaterThanOrEqualTo(100);
    }

    @Test
    void everyListedVariableIsSetSomewhere() throws IOException {
        StringBuilder sources = new StringBuilder();
        for (String dir : List.of("src/main/java", "forms", "processes")) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                for (Path p : files.filter(Files::isRegularFile)
                        .filter(p -> p.toString().matches(".*\\.(java|form|bpmn|dmn)$")).toList()) {
                    sources.append(Files.readString(p)).append('\n');
                }
            }
        }
        String all = sources.toString();
        List<String> unset = new ArrayList<>();
        VARIABLES.forEach((file, names) -> names.forEach(n -> {
            if (!all.contains("\"" + n + "\"")) {
                unset.add(file + ": " + n);
            }
        }));
        assertThat(unset).as("listed variables that nothing writes").isEmpty();
    }

    @Test
    void aTypoIsCaught() {
        Set<String> vars = Set.of("registeredAt");
        assertThat(resolve(new Found("t", "workingDays.deadline(registeredAt, complaintTerms.headDecisionWorkingDays())"),
                vars)).isEmpty();
        assertThat(resolve(new Found("t", "workingDays.deadline(registeredAt, complaintTerms.headDecisionWorkingDay())"),
                vars)).hasSize(1);
        assertThat(resolve(new Found("t", "workingDay.deadline(registeredAt, 5)"), vars)).hasSize(1);
        assertThat(resolve(new Found("t", "workingDays.deadline(registeredAt)"), vars)).hasSize(1);
        assertThat(resolve(new Found("t", "registeredAtt != null"), vars)).hasSize(1);
        // a record component read as a property: JUEL finds no getter, so neither does the test
        assertThat(resolve(new Found("t", "complaintTerms.headDecisionWorkingDays"), vars)).hasSize(1);
        assertThat(resolve(new Found("t", "sduSettings.pilotEndsOn.toStrin()"), vars)).hasSize(1);
        assertThat(resolve(new Found("t", "execution.processBusinessKy"), vars)).hasSize(1);
    }

    /** Every ${...} / #{...} in an attribute or text of the diagram, documentation left out. */
    static List<Found> expressions(Diagram d) {
        List<Found> found = new ArrayList<>();
        collect(d, d.root(), found);
        return found;
    }

    private static void collect(Diagram d, Element e, List<Found> found) {
        if (BPMN.equals(e.getNamespaceURI()) && "documentation".equals(e.getLocalName())) {
            return;
        }
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            add(where(d, e) + " @" + a.getName(), a.getValue(), found);
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                collect(d, child, found);
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                add(where(d, e), n.getNodeValue(), found);
            }
        }
    }

    private static String where(Diagram d, Element e) {
        Node n = e;
        while (n instanceof Element el && !el.hasAttribute("id")) {
            n = el.getParentNode();
        }
        return d.file() + "#" + (n instanceof Element el ? el.getAttribute("id") : "?") + " <" + e.getLocalName() + ">";
    }

    private static void add(String where, String text, List<Found> found) {
        Matcher m = EXPRESSION.matcher(text);
        while (m.find()) {
            found.add(new Found(where, m.group(1)));
        }
    }

    /** The problems of one expression: unknown beans, members or variables. */
    List<String> resolve(Found f, Set<String> variables) {
        List<String> problems = new ArrayList<>();
        String e = f.expression().replaceAll("'[^']*'|\"[^\"]*\"", "''");
        if (e.matches("(?s).*\\)\\s*\\..*")) {
            problems.add(f.where() + ": ${" + f.expression() + "}: a member after a call is not checked; name a bean method");
        }
        Matcher m = CHAIN.matcher(e);
        while (m.find()) {
            String root = m.group(1);
            if (KEYWORDS.contains(root)) {
                continue;
            }
            List<String> members = m.group(2).isBlank() ? List.of()
                    : Arrays.stream(m.group(2).split("\\.")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            Class<?> type;
            if (ENGINE.containsKey(root)) {
                type = ENGINE.get(root);
            } else if (context.containsBean(root)) {
                type = AopUtils.getTargetClass(context.getBean(root));
            } else if (variables.contains(root)) {
                if (!members.isEmpty()) {
                    problems.add(f.where() + ": ${" + f.expression() + "}: reads a member of the variable " + root);
                }
                continue;
            } else {
                problems.add(f.where() + ": ${" + f.expression() + "}: '" + root
                        + "' is neither a bean nor a variable this process sets");
                continue;
            }
            int end = m.end();
            for (int i = 0; i < members.size() && type != null; i++) {
                String member = members.get(i);
                boolean call = i == members.size() - 1 && end < e.length() && e.substring(end).stripLeading().startsWith("(");
                Optional<Class<?>> next = call ? method(type, member, arguments(e, e.indexOf('(', end)))
                        : getter(type, member);
                if (next.isEmpty()) {
                    problems.add(f.where() + ": ${" + f.expression() + "}: " + type.getSimpleName() + " has no public "
                            + (call ? "method " + member + " with " + arguments(e, e.indexOf('(', end)) + " arguments"
                            : "property " + member + " (a getter)"));
                    type = null;
                } else {
                    type = next.get();
                }
            }
        }
        return problems;
    }

    /** How many arguments the call opening at {@code open} passes. */
    private static int arguments(String e, int open) {
        int depth = 0;
        int commas = 0;
        boolean any = false;
        for (int i = open + 1; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    return any ? commas + 1 : 0;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                commas++;
            } else if (!Character.isWhitespace(c)) {
                any = true;
            }
        }
        return -1;
    }

    private static Optional<Class<?>> method(Class<?> type, String name, int arity) {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == arity
                    && Modifier.isPublic(method.getModifiers())) {
                return Optional.of(method.getReturnType());
            }
        }
        return Optional.empty();
    }

    private static Optional<Class<?>> getter(Class<?> type, String property) {
        String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() == 0 && Modifier.isPublic(method.getModifiers())
                    && (method.getName().equals("get" + suffix) || method.getName().equals("is" + suffix)
                    && (method.getReturnType() == boolean.class || method.getReturnType() == Boolean.class))) {
                return Optional.of(method.getReturnType());
            }
        }
        return Optional.empty();
    }
}
