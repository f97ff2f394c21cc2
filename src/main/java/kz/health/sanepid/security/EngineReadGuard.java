package kz.health.sanepid.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import kz.health.sanepid.audit.ProcessSubjects;
import kz.health.sanepid.audit.ReadAudit;
import kz.health.sanepid.logging.PersonalDataMasking;
import kz.health.sanepid.web.ApiErrors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The engine's doors for reads of personal data: {@code /engine-rest} and the webapps' own API ({@code /camunda/api},
 * which Tasklist and Cockpit call). The engine's authorizations decide who reads what
 * ({@code enforceSpecificVariablePermission}: variables only with a variable permission, which a task's candidates
 * hold on that task); this filter adds what the engine's permissions cannot say:
 * <ul>
 * <li>managers get none of the families that carry a person's data (variables, history details, decision inputs
 * and outputs, the user-operation log, task comments and attachments): 403, whatever a grant says, and the business
 * keys they see (an SDU recipient's holds the IIN) come masked;</li>
 * <li>every other answer of those families is audited in {@code audit_read}: who, whose (the subjects of the
 * process instances the answer names, {@link ProcessSubjects}), and the door and path it came through.</li>
 * </ul>
 */
public class EngineReadGuard extends OncePerRequestFilter {

    /** {@code /engine-rest[/engine/{name}]/…} and {@code /camunda/api/engine/engine/{name}/…}: the engine path. */
    private static final Pattern ENGINE_PATH = Pattern.compile(
            "^(/engine-rest|/camunda/api/engine/engine/[^/]+)(?:/engine/[^/]+(?=/))?(/.*)$");
    /** The webapps' plugin API (Cockpit's instance lists): business keys masked for managers, nothing else. */
    private static final Pattern PLUGIN_PATH = Pattern.compile("^/camunda/api/(cockpit|tasklist|admin)/.*$");
    /** The families that carry a person's data. */
    private static final List<Pattern> PERSONAL = List.of(
            Pattern.compile("^/variable-instance(/.*)?$"),
            Pattern.compile("^/history/variable-instance(/.*)?$"),
            Pattern.compile("^/history/detail(/.*)?$"),
            Pattern.compile("^/history/decision-instance(/.*)?$"),
            Pattern.compile("^/history/user-operation(/.*)?$"),
            Pattern.compile("^/process-instance/[^/]+/(variables|comment)(/.*)?$"),
            Pattern.compile("^/execution/[^/]+/localVariables(/.*)?$"),
            Pattern.compile("^/task/[^/]+/(variables|localVariables|form-variables|comment|attachment)(/.*)?$"),
            Pattern.compile("^/history/task/[^/]+/(comment|attachment)(/.*)?$"));
    /** POST queries that take filters in their body (engine families, and the webapps' plugin instance lists). */
    private static final List<Pattern> SEARCHES = List.of(
            Pattern.compile("^/(process-instance|history/process-instance|execution|task|history/task"
                    + "|history/activity-instance|variable-instance|history/variable-instance|incident|job"
                    + "|case-instance|external-task)(/count)?$"),
            Pattern.compile("^/filter/[^/]+/(list|count)$"),
            Pattern.compile("^/camunda/api/(cockpit|tasklist)/plugin/.*$"));
    private static final Pattern TASK = Pattern.compile("^/task/([^/]+)/.*$");
    private static final Pattern INSTANCE = Pattern.compile("^/process-instance/([^/]+)/.*$");
    private static final Pattern EXECUTION = Pattern.compile("^/execution/([^/]+)/.*$");
    /** POSTs that are queries (reads) rather than writes. */
    private static final Set<String> POST_QUERIES = Set.of("/variable-instance", "/history/variable-instance",
            "/history/detail", "/history/decision-instance", "/history/user-operation");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Query filters on variable values (process-instance, task, history and the webapps' plugin queries). */
    private static final Set<String> VARIABLE_FILTERS = Set.of("variables", "processvariables", "taskvariables",
            "caseinstancevariables", "variablevalue");
    private static final Pattern TWELVE_DIGITS = Pattern.compile("[0-9]{12}");

    private final IdentityService identityService;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final ProcessSubjects subjects;
    private final ReadAudit audit;

    public EngineReadGuard(IdentityService identityService, TaskService taskService, RuntimeService runtimeService,
            ProcessSubjects subjects, ReadAudit audit) {
        this.identityService = identityService;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.subjects = subjects;
        this.audit = audit;
    }

    record Caller(String userId, List<String> groups) {
        boolean administrator() {
            return groups.contains(Roles.ADMINISTRATORS);
        }

        boolean manager() {
            return groups.contains(Roles.MANAGERS) && !administrator();
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        Matcher engine = ENGINE_PATH.matcher(uri);
        boolean plugin = PLUGIN_PATH.matcher(uri).matches();
        Caller caller = caller(request, uri);
        if (caller == null || (!engine.matches() && !plugin)) {
            chain.doFilter(request, response); // unauthenticated: the door's own authentication answers 401
            return;
        }
        String path = engine.matches() ? engine.group(2) : "";
        boolean personal = engine.matches() && PERSONAL.stream().anyMatch(p -> p.matcher(path).matches());
        if (personal && caller.manager()) {
            ApiErrors.refuse(response, HttpServletResponse.SC_FORBIDDEN, "forbidden", List.of(
                    "managers read no person's data through the engine: counts and masked lists are in /api"));
            return;
        }
        HttpServletRequest body = request;
        boolean search = "GET".equals(request.getMethod()) || ("POST".equals(request.getMethod())
                && SEARCHES.stream().anyMatch(p -> p.matcher(engine.matches() ? path : uri).matches()));
        if (!caller.administrator() && search) {
            body = "POST".equals(request.getMethod()) ? BufferedRequest.of(request) : request;
            String filter = personalFilter(body);
            if (filter != null) {
                ApiErrors.refuse(response, HttpServletResponse.SC_FORBIDDEN, "forbidden", List.of(filter
                        + ": instances are not searched by a person's data through the engine; use /api, which audits"));
                return;
            }
        }
        boolean read = "GET".equals(request.getMethod())
                || ("POST".equals(request.getMethod()) && POST_QUERIES.contains(path));
        boolean audited = personal && read;
        if (!audited && caller.administrator()) {
            chain.doFilter(body, response);
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(body, wrapper);
            int status = wrapper.getStatus();
            if (status >= 200 && status < 300) {
                if (audited) {
                    audit(caller, request.getMethod() + " " + uri, path, wrapper.getContentAsByteArray());
                }
                if (!caller.administrator()) {
                    maskBusinessKeys(wrapper);
                }
            }
        } finally {
            wrapper.copyBodyToResponse();
        }
    }

    /**
     * A search by a person's data (a variable's value, a business key holding an IIN) would tell whether that person
     * is in a process, unaudited: the parameter's name, or null when there is none.
     */
    static String personalFilter(HttpServletRequest request) throws IOException {
        for (String name : request.getParameterMap().keySet()) {
            if (isPersonalFilter(name, String.join(",", request.getParameterValues(name)))) {
                return name;
            }
        }
        if (request instanceof BufferedRequest buffered && buffered.body().length > 0) {
            try {
                JsonNode json = JSON.readTree(buffered.body());
                if (json != null && json.isObject()) {
                    for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) json::fields) {
                        if (isPersonalFilter(field.getKey(), field.getValue().toString())) {
                            return field.getKey();
                        }
                    }
                }
            } catch (IOException notJson) {
                // the engine answers a body it cannot read
            }
        }
        return null;
    }

    private static boolean isPersonalFilter(String name, String value) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (VARIABLE_FILTERS.contains(n)) {
            return !value.isBlank() && !value.equals("[]") && !value.equals("null");
        }
        return n.contains("businesskey") && TWELVE_DIGITS.matcher(value).find();
    }

    /** The webapps keep the login in the session; {@code /engine-rest}'s own filter has set it on the engine. */
    private Caller caller(HttpServletRequest request, String uri) {
        if (uri.startsWith("/camunda/")) {
            HttpSession session = request.getSession(false);
            Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
            if (authentications == null || authentications.getAuthentications().isEmpty()) {
                return null;
            }
            UserAuthentication user = authentications.getAuthentications().get(0);
            return new Caller(user.getIdentityId(), user.getGroupIds() == null ? List.of() : user.getGroupIds());
        }
        Authentication current = identityService.getCurrentAuthentication();
        return current == null ? null : new Caller(current.getUserId(),
                current.getGroupIds() == null ? List.of() : current.getGroupIds());
    }

    private void audit(Caller caller, String endpoint, String path, byte[] body) {
        Authentication current = identityService.getCurrentAuthentication();
        identityService.clearAuthentication(); // the audit names every subject of the answer, whatever the reader sees
        try {
            Set<String> instances = instancesOf(path, body);
            Set<String> iins = subjects.of(instances);
            if (!iins.isEmpty()) {
                String purpose = "engine read (" + family(path) + ")"
                        + (instances.size() > ProcessSubjects.MAX_INSTANCES ? ", first instances only" : "");
                audit.recordReads(caller.userId(), iins, endpoint, purpose);
            }
        } finally {
            if (current != null) {
                identityService.setAuthentication(current);
            }
        }
    }

    private Set<String> instancesOf(String path, byte[] body) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher task = TASK.matcher(path);
        Matcher instance = INSTANCE.matcher(path);
        Matcher execution = EXECUTION.matcher(path);
        if (task.matches()) {
            Task t = taskService.createTaskQuery().taskId(task.group(1)).singleResult();
            if (t != null && t.getProcessInstanceId() != null) {
                ids.add(t.getProcessInstanceId());
            }
        } else if (instance.matches()) {
            ids.add(instance.group(1));
        } else if (execution.matches()) {
            Execution e = runtimeService.createExecutionQuery().executionId(execution.group(1)).singleResult();
            if (e != null) {
                ids.add(e.getProcessInstanceId());
            }
        }
        if (body.length > 0) {
            try {
                collect(JSON.readTree(body), ids);
            } catch (IOException notJson) {
                // a binary variable's data: its instance is known from the path
            }
        }
        return ids;
    }

    private static void collect(JsonNode node, Set<String> ids) {
        if (node.isArray()) {
            node.forEach(n -> collect(n, ids));
        } else if (node.isObject()) {
            for (String field : List.of("processInstanceId", "rootProcessInstanceId")) {
                JsonNode id = node.get(field);
                if (id != null && id.isTextual()) {
                    ids.add(id.asText());
                }
            }
        }
    }

    private static String family(String path) {
        String[] parts = path.split("/");
        return parts.length > 3 ? parts[1] + "/{id}/" + parts[3] : path.substring(1);
    }

    private static void maskBusinessKeys(ContentCachingResponseWrapper wrapper) throws IOException {
        String type = wrapper.getContentType();
        byte[] body = wrapper.getContentAsByteArray();
        if (type == null || !type.contains("json") || body.length == 0) {
            return;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (IOException notJson) {
            return;
        }
        if (mask(tree)) {
            wrapper.resetBuffer();
            wrapper.getOutputStream().write(JSON.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static boolean mask(JsonNode node) {
        boolean changed = false;
        if (node.isArray()) {
            for (JsonNode n : node) {
                changed |= mask(n);
            }
        } else if (node instanceof ObjectNode object) {
            JsonNode key = object.get("businessKey");
            if (key != null && key.isTextual()) {
                String masked = PersonalDataMasking.mask(key.asText());
                if (!masked.equals(key.asText())) {
                    object.put("businessKey", masked);
                    changed = true;
                }
            }
            for (JsonNode child : object) {
                if (child.isContainerNode()) {
                    changed |= mask(child);
                }
            }
        }
        return changed;
    }
}
