package com.campaignledger.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import com.campaignledger.testsupport.Browsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The supervisor dashboard in a real browser (headless Chromium): signed in with a credential it shows the
 * account's campaigns with their live counters, and follows a call the external dialer reports.
 */
class DashboardBrowserTest extends BrowserPageTest {

    @Test
    void aSupervisorSeesTheCampaignsLiveCounters() {
        Response created = api.post("/api/campaigns", """
                {"name": "Dashboard calls", "fromNumber": "9206596476",
                 "numbers": [{"number": "3105550121"}, {"number": "3105550122"}, {"number": "3105550123"}]}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long campaign = created.json().get("id").asLong();
        assertOk(api.post("/api/campaigns/" + campaign + "/control", "{\"command\": \"START\"}"));
        await().atMost(STEP)
                .until(() -> "RUNNING"
                        .equals(api.get("/api/campaigns/" + campaign)
                                .json()
                                .path("status")
                                .asText()));
        Response callback = api.post(
                "/api/campaigns/" + campaign + "/agents/callback",
                "{\"userId\": \"cy@example.com\", \"phoneNumber\": \"6465550103\"}");
        assertThat(callback.status()).as(callback.toString()).isEqualTo(201);
        long session = callback.json().get("agentId").asLong();
        assertOk(api.post(
                "/api/campaigns/" + campaign + "/agents/" + session + "/login", "{\"userId\": \"cy@example.com\"}"));
        assertOk(api.post(
                "/api/campaigns/" + campaign + "/calls",
                "{\"number\": \"3105550121\", \"result\": \"BUSY\", \"durationSeconds\": 7}"));

        By row = By.id("campaign-" + campaign);
        try {
            browser.get("http://localhost:" + port + "/dashboard");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
            browser.findElement(By.id("credential-login")).sendKeys(ApiClient.ADMIN_LOGIN);
            browser.findElement(By.id("credential-secret")).sendKeys(ApiClient.ADMIN_SECRET, Keys.ENTER);
            wait.until(ExpectedConditions.visibilityOfElementLocated(row));
            assertThat(browser.findElement(row).findElement(By.tagName("th")).getText())
                    .isEqualTo(campaign + " · Dashboard calls");
            assertThat(browser.findElement(row)
                            .findElement(By.className("status"))
                            .getText())
                    .isEqualTo("RUNNING");
            wait.until(ExpectedConditions.textToBe(By.cssSelector("#campaign-" + campaign + " .dialed"), "1 / 3"));
            wait.until(ExpectedConditions.textToBe(By.cssSelector("#campaign-" + campaign + " .agents"), "1 / 0 / 1"));
            assertThat(browser.findElement(By.id("as-of")).getText()).isNotBlank();

            // A call the dialer reports now shows within a refresh.
            assertOk(api.post(
                    "/api/campaigns/" + campaign + "/calls",
                    "{\"number\": \"3105550122\", \"result\": \"NO_ANS\", \"durationSeconds\": 20}"));
            wait.until(ExpectedConditions.textToBe(By.cssSelector("#campaign-" + campaign + " .dialed"), "2 / 3"));
            wait.until(ExpectedConditions.textToBe(By.cssSelector("#campaign-" + campaign + " .noanswer"), "1"));
            Browsers.screenshot(browser, "dashboard.png");
        } catch (RuntimeException | AssertionError e) {
            Browsers.screenshot(browser, "dashboard-failure.png");
            throw e;
        }
    }

    private static void assertOk(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
