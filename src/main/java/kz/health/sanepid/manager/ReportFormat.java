package kz.health.sanepid.manager;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How a managers' report is asked to answer, the same for every endpoint: {@code ?format=} ({@code json} or
 * {@code csv}), {@code ?table=} (the table of a CSV) and the {@code Accept} header. A parameter of this type is bound
 * by {@link Binding}, as {@code @RequestParam}/{@code @RequestHeader} would bind them (absent: null; repeated:
 * joined with commas); what they ask is checked when the report answers ({@link Report#respond}), after the
 * endpoint's own checks.
 */
public record ReportFormat(String format, String table, String accept) {

    /** The report as JSON or as one of its tables in CSV. */
    public ResponseEntity<?> respond(Report report, String fileName) {
        return report.respond(format, accept, table, fileName);
    }

    /** Binds a {@link ReportFormat} parameter of a controller method. */
    @Configuration
    static class Binding implements WebMvcConfigurer, HandlerMethodArgumentResolver {

        @Override
        public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
            resolvers.add(this);
        }

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == ReportFormat.class;
        }

        @Override
        public ReportFormat resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                            NativeWebRequest request, WebDataBinderFactory binderFactory) {
            return new ReportFormat(joined(request.getParameterValues("format")),
                    joined(request.getParameterValues("table")), joined(request.getHeaderValues(HttpHeaders.ACCEPT)));
        }

        private static String joined(String[] values) {
            return values == null || values.length == 0 ? null : String.join(",", values);
        }
    }
}
