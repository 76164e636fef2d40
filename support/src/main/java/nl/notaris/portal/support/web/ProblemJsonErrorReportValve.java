package nl.notaris.portal.support.web;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

import nl.notaris.portal.support.problem.ProblemJson;

/**
 * Tomcat's own error reports (a request it rejects before Spring sees it, such as an encoded NUL in
 * the path) as a problem instead of Tomcat's HTML page.
 */
public class ProblemJsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus httpStatus = HttpStatus.resolve(status);
        String title = httpStatus != null ? httpStatus.getReasonPhrase() : "Error";
        String detail = httpStatus != null ? ProblemTexts.detail(httpStatus) : "The request could not be handled.";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getReporter().write(ProblemJson.body(status, title, detail, null));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the response can no longer be written; the status has been sent
        }
    }
}
