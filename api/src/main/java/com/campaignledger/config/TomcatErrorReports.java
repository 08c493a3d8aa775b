package com.campaignledger.config;

import com.campaignledger.kernel.problem.ProblemType;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * What Tomcat answers by itself, before a request reaches the service (a request line or header it cannot parse, such
 * as a control character in a header), is problem+json like every other error, not Tomcat's HTML page.
 */
@Configuration(proxyBeanMethods = false)
public class TomcatErrorReports {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemValve.class.getName());
            }
        });
    }

    /** Tomcat's error report, as a problem. Made by Tomcat by its class name. */
    public static class ProblemValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            ProblemType type = ProblemType.forStatus(status);
            String title =
                    type != ProblemType.HTTP_ERROR ? type.title() : known == null ? "Error" : known.getReasonPhrase();
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    String detail = status == 400
                            ? "The request could not be read: a request line or header that HTTP does not allow"
                            : title;
                    writer.write("{\"type\":\"" + type.uri() + "\",\"title\":\"" + title + "\",\"status\":" + status
                            + ",\"detail\":\"" + detail + "\",\"code\":\"" + type.name() + "\"}");
                }
            } catch (IOException | IllegalStateException ignored) {
                // The status line alone still tells the client.
            }
        }
    }
}
