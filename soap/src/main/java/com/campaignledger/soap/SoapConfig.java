package com.campaignledger.soap;

import com.campaignledger.accounts.apikey.ApiKeys;
import com.campaignledger.soap.ccc.CccCampaigns;
import com.campaignledger.soap.ccc.CccStats;
import com.campaignledger.soap.ccc.ws.CccServiceEndpoint;
import com.campaignledger.soap.predictive.PredictiveAgents;
import com.campaignledger.soap.predictive.PredictiveCampaigns;
import com.campaignledger.soap.predictive.ws.PredictiveServiceEndpoint;
import jakarta.xml.ws.Endpoint;
import java.time.Duration;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SOAP endpoints under CXF's servlet ({@code cxf.path}, {@code /service}): PredictiveService at
 * {@code /service/PredictiveService} and CccService at {@code /service/CccService}, their WSDLs at {@code ?wsdl}
 * (CccService's also at CallFire's {@value #CCC_SERVICE_WSDL}).
 */
@Configuration(proxyBeanMethods = false)
public class SoapConfig {

    /** Where CccService answers, under {@code cxf.path}. */
    public static final String CCC_SERVICE = "/CccService";

    /** CallFire's address of the WSDL that seed 000's SoapClient is given. */
    public static final String CCC_SERVICE_WSDL = "/api/1.1/wsdl/callfire-service-http-soap12.wsdl";

    /**
     * @param connectionWait how long getConnectionForAgent waits for a call: below PHP's default 60 s socket
     *     time-out, or the client gives up first and the call is left for the next one
     */
    @Bean
    Endpoint predictiveService(
            Bus bus,
            ApiKeys keys,
            PredictiveCampaigns campaigns,
            PredictiveAgents agents,
            @Value("${ledger.soap.connection-wait:50s}") Duration connectionWait) {
        EndpointImpl endpoint =
                new EndpointImpl(bus, new PredictiveServiceEndpoint(keys, campaigns, agents, connectionWait));
        endpoint.publish("/PredictiveService");
        return endpoint;
    }

    @Bean
    Endpoint cccService(Bus bus, CccCampaigns campaigns, CccStats stats) {
        EndpointImpl endpoint = new EndpointImpl(bus, new CccServiceEndpoint(campaigns, stats));
        endpoint.publish(CCC_SERVICE);
        return endpoint;
    }
}
