package kz.health.sanepid.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * What Tomcat answers itself, before a request reaches the application (a request line or headers too long or
 * malformed, e.g. a query string of thousands of characters): the same JSON as {@link ApiErrors#json} instead of
 * Tomcat's HTML page. Errors inside the application
 * still go through Spring's error handling; this valve only speaks when nothing has been written.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String error = status == 400 ? "the request could not be read: its request line or headers are malformed or"
                + " too long" : "the server refused the request (HTTP " + status + ")";
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ApiErrors.json(status, error, List.of()));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone; nothing more to say
        }
    }

    /** Installs the valve as the embedded Tomcat host's error report valve. */
    @Component
    static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> ((StandardHost) context.getParent())
                    .setErrorReportValveClass(JsonErrorReportValve.class.getName()));
        }
    }
}
