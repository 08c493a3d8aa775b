package com.campaignledger.soap.ccc.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.campaignledger.soap.SoapServiceTest;
import com.campaignledger.soap.SoapTenants;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Service;
import java.net.URI;
import java.util.List;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A JAX-WS client built from the WSDL the service serves at CallFire's address (its service, port, SOAP 1.2 binding
 * and address), with HTTP Basic, creates a campaign and reads it back; a refusal is the declared fault.
 */
@SoapServiceTest
class CccServiceJavaClientTest {

    @LocalServerPort
    int port;

    CccService client;

    @BeforeEach
    void clientOfTheServedWsdl() throws Exception {
        SoapTenants.Tenant account = SoapTenants.newAccount(port, "java");
        Service service = Service.create(
                URI.create("http://localhost:" + port + "/api/1.1/wsdl/callfire-service-http-soap12.wsdl")
                        .toURL(),
                new QName(CccService.NAMESPACE, "CccService"));
        client = service.getPort(new QName(CccService.NAMESPACE, "CccServiceHttpSoap12Endpoint"), CccService.class);
        BindingProvider binding = (BindingProvider) client;
        binding.getRequestContext().put(BindingProvider.USERNAME_PROPERTY, account.login());
        binding.getRequestContext().put(BindingProvider.PASSWORD_PROPERTY, account.secret());
    }

    @Test
    void createsACampaignAndReadsItBack() throws Exception {
        CreateCccCampaignRequest create = new CreateCccCampaignRequest();
        create.cccCampaign = new CccCampaign();
        create.cccCampaign.name = "From Java";
        create.cccCampaign.fromNumber = "9206596476";
        create.cccCampaign.retryConfig = new CccCampaign.RetryConfig();
        create.cccCampaign.retryConfig.maxAttempts = 3;
        create.cccCampaign.retryConfig.retryResults = List.of("BUSY", "NO_ANS");
        long id = client.createCccCampaign(create);

        IdRequest get = new IdRequest();
        get.id = id;
        CccCampaign campaign = client.getCccCampaign(get);
        assertThat(campaign.id).isEqualTo(id);
        assertThat(campaign.name).isEqualTo("From Java");
        assertThat(campaign.status).isEqualTo("SETUP");
        assertThat(campaign.fromNumber).isEqualTo("+19206596476");
        assertThat(campaign.retryConfig.maxAttempts).isEqualTo(3);
        assertThat(campaign.retryConfig.minutesBetweenAttempts).isEqualTo(60);
        assertThat(campaign.retryConfig.retryResults).containsExactly("BUSY", "NO_ANS");

        IdRequest unknown = new IdRequest();
        unknown.id = 999_999_999L;
        // The declared fault; its reason, the REST problem's detail, is CccServiceTest's concern.
        assertThatThrownBy(() -> client.getCccCampaign(unknown)).isInstanceOf(CccServiceException.class);
    }
}
