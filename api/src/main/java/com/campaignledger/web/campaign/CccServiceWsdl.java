package com.campaignledger.web.campaign;

import com.campaignledger.soap.SoapConfig;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CccService's WSDL at CallFire's address, which seed 000's SoapClient is given: the document CXF generates for the
 * endpoint, so its {@code soap:address} is where the service answers. A filter, not a controller: the SOAP service
 * is no row of the REST API's document.
 */
@Component
class CccServiceWsdl extends OncePerRequestFilter {

    private final String wsdl;

    CccServiceWsdl(@Value("${cxf.path}") String cxfPath) {
        this.wsdl = cxfPath + SoapConfig.CCC_SERVICE + "?wsdl";
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod())
                || !request.getRequestURI()
                        .substring(request.getContextPath().length())
                        .equals(SoapConfig.CCC_SERVICE_WSDL);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.getRequestDispatcher(wsdl).forward(request, response);
    }
}
