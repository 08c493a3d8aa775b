package com.campaignledger.soap;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignledger.testsupport.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The judge of SPEC §10 for CccService: seed 000's PHP SoapClient sample, unmodified but for the WSDL's URL and the
 * credentials ({@code soap/src/test/php/ccc-service.php}), creates a campaign over SOAP 1.2 and prints its id. Needs
 * {@code php} with its soap extension ({@code apt-get install php-cli php-soap}); skipped without it, except on CI.
 */
@SoapServiceTest
class CccServicePhpTest {

    private static final Path SCRIPT = Path.of("../soap/src/test/php/ccc-service.php");

    @LocalServerPort
    int port;

    ApiClient tenant;
    String login;
    String secret;

    @BeforeEach
    void phpAndACredential() {
        SoapTenants.requirePhpWithSoap();
        SoapTenants.Tenant account = SoapTenants.newAccount(port, "php");
        login = account.login();
        secret = account.secret();
        tenant = account.api();
    }

    /** The sample, run with this WSDL URL and these credentials: what it printed. */
    private String php(String login, String password) throws Exception {
        Process php = new ProcessBuilder(List.of(
                        "php",
                        SCRIPT.toString(),
                        "http://localhost:" + port + "/api/1.1/wsdl/callfire-service-http-soap12.wsdl",
                        login,
                        password))
                .redirectErrorStream(true)
                .start();
        String output = new String(php.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(php.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    @Test
    void theSeedsSamplePrintsTheIdOfTheCampaignItCreated() throws Exception {
        String output = php(login, secret);

        Matcher printed = Pattern.compile("^campaignId: (\\d+)").matcher(output);
        assertThat(printed.find()).as(output).isTrue();
        JsonNode campaign = tenant.get("/api/campaigns/" + printed.group(1)).json();
        assertThat(campaign.get("name").asText()).isEqualTo("Test Broadcast Service");
        assertThat(campaign.get("status").asText()).isEqualTo("SETUP");
        // Its second part asks BroadcastService, which is not CccService: nothing else went wrong before that.
        assertThat(output)
                .doesNotContain("Warning", "Notice", "Deprecated")
                .contains("Function (\"CreateBroadcast\") is not a valid method for this service");
    }

    @Test
    void aWrongPasswordFetchesTheWsdlAndIsRefusedWithAFaultThatSaysWhy() throws Exception {
        String output = php(login, "wrong");

        assertThat(output)
                .doesNotContain("campaignId:", "Couldn't load")
                .contains("SoapFault", "Send an API credential's login and secret with HTTP Basic authentication");
    }
}
