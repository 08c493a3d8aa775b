package com.campaignledger.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import com.campaignledger.testsupport.Browsers;
import com.campaignledger.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.TestPropertySource;

/**
 * The operations view's failed deliveries: a webhook whose receiver answers 500 is listed with its error, and an
 * ADMIN sends it again from the dashboard (the receiver is on this machine, so private endpoints are allowed here).
 * The webhook is another account's: ADMIN credentials administer the whole service.
 */
@TestPropertySource(
        properties = {
            "ledger.notifications.allow-private-endpoints=true",
            "ledger.notifications.delivery.poll-interval=100ms"
        })
class DashboardDeliveriesBrowserTest extends BrowserPageTest {

    @Test
    void anAdminRedeliversAFailedWebhook() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.always("/hook", WebhookReceiver.Reply.status(500));
            String account = "hooks-" + java.util.UUID.randomUUID().toString().substring(0, 8);
            assertThat(api.post("/api/admin/accounts", "{\"id\": \"" + account + "\", \"name\": \"" + account + "\"}")
                            .status())
                    .isEqualTo(201);
            Response credential = api.post("/api/admin/accounts/" + account + "/credentials", "{}");
            ApiClient tenant = api.as(
                    credential.json().get("login").asText(),
                    credential.json().get("secret").asText());
            Response subscription = tenant.post(
                    "/api/subscriptions",
                    "{\"endpoint\": \"" + receiver.url("/hook")
                            + "\", \"triggerEvent\": \"CAMPAIGN_STARTED\", \"notificationFormat\": \"JSON\"}");
            assertThat(subscription.status()).as(subscription.toString()).isEqualTo(201);
            Response created = tenant.post("/api/campaigns", """
                    {"name": "Failing webhook", "fromNumber": "9206596476", "numbers": [{"number": "3105550001"}]}""");
            long campaign = created.json().get("id").asLong();
            assertThat(tenant.post("/api/campaigns/" + campaign + "/control", "{\"command\": \"START\"}")
                            .status())
                    .isEqualTo(200);
            await().atMost(BrowserPageTest.STEP)
                    .until(() -> !receiver.received("/hook").isEmpty());

            browser.get("http://localhost:" + port + "/dashboard");
            // The page draws its tables again as figures arrive: an element read a moment ago may be gone.
            wait.ignoring(StaleElementReferenceException.class);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
            browser.findElement(By.id("credential-login")).sendKeys(ApiClient.ADMIN_LOGIN);
            browser.findElement(By.id("credential-secret")).sendKeys(ApiClient.ADMIN_SECRET, Keys.ENTER);
            By redeliver = By.cssSelector("#delivery-rows button");
            wait.until(ExpectedConditions.elementToBeClickable(redeliver));
            wait.until(d -> d.findElement(By.id("delivery-rows")).getText().contains("HTTP 500"));
            assertThat(browser.findElement(By.id("delivery-rows")).getText())
                    .contains("CAMPAIGN_STARTED · campaign " + campaign)
                    .contains(account)
                    .contains(receiver.url("/hook"));
            int before = receiver.received("/hook").size();
            browser.findElement(redeliver).sendKeys(Keys.ENTER);
            wait.until(d -> d.findElement(By.id("operations-note")).getText().endsWith("is queued again (PENDING)."));
            await().atMost(BrowserPageTest.STEP)
                    .until(() -> receiver.received("/hook").size() > before);
            Browsers.screenshot(browser, "dashboard-deliveries.png");
        } catch (RuntimeException | AssertionError e) {
            Browsers.screenshot(browser, "dashboard-deliveries-failure.png");
            throw e;
        }
    }
}
