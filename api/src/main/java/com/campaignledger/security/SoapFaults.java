package com.campaignledger.security;

import com.campaignledger.web.FilterProblems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ProblemDetail;
import org.springframework.web.util.HtmlUtils;

/**
 * The security filters' answers on a SOAP 1.2 path (CccService): a SOAP fault with the problem's detail as its
 * reason, under the problem's status. PHP's SoapClient shows a fault's reason; of a bare 401 it shows nothing.
 */
class SoapFaults extends FilterProblems {

    private static final String FAULT = """
            <?xml version="1.0" encoding="UTF-8"?>\
            <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body><soap:Fault>\
            <soap:Code><soap:Value>soap:Sender</soap:Value></soap:Code>\
            <soap:Reason><soap:Text xml:lang="en">%s</soap:Text></soap:Reason>\
            </soap:Fault></soap:Body></soap:Envelope>""";

    SoapFaults(ObjectMapper json) {
        super(json);
    }

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType("application/soap+xml; charset=UTF-8");
        String detail = problem.getDetail() == null ? problem.getTitle() : problem.getDetail();
        response.getOutputStream()
                .write(FAULT.formatted(HtmlUtils.htmlEscape(detail, "UTF-8")).getBytes(StandardCharsets.UTF_8));
    }
}
