package com.campaignledger.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import com.campaignledger.testsupport.Browsers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operations view's dead letters: a read model that cannot take an event (a CHECK constraint on the campaign view
 * that one rename violates, injected below the service) shows it on the dashboard; once the cause is removed, an
 * ADMIN retries it there, the letter goes and the read model has the event.
 */
class DashboardDeadLetterBrowserTest extends BrowserPageTest {

    private static final String VIEW = "campaign-view";
    private static final String FAULT = "dashboard_fault";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdminRetriesADeadLetterOnceItsCauseIsRemoved() {
        Response created = api.post("/api/campaigns", """
                {"name": "Dead letter later", "fromNumber": "9206596476", "numbers": [{"number": "3105550001"}]}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long campaign = created.json().get("id").asLong();
        String sequence = "campaign-" + campaign;
        By row = By.cssSelector("#dead-letter-rows tr[data-sequence='" + VIEW + "/" + sequence + "']");
        jdbc.execute(
                "ALTER TABLE campaign_view ADD CONSTRAINT " + FAULT + " CHECK (name NOT LIKE '%dashboard poison%')");
        try {
            Response renamed =
                    api.patch("/api/campaigns/" + campaign, "{\"name\": \"A dashboard poison name\"}", Map.of());
            assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);

            browser.get("http://localhost:" + port + "/dashboard");
            wait.ignoring(StaleElementReferenceException.class);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
            browser.findElement(By.id("credential-login")).sendKeys(ApiClient.ADMIN_LOGIN);
            browser.findElement(By.id("credential-secret")).sendKeys(ApiClient.ADMIN_SECRET, Keys.ENTER);

            // The event waits in the queue: pushed to the operations view; the campaign keeps its old name.
            wait.until(ExpectedConditions.visibilityOfElementLocated(row));
            assertThat(browser.findElement(row).getText()).contains(VIEW).contains(sequence);
            wait.until(ExpectedConditions.textToBe(
                    By.cssSelector("#campaign-" + campaign + " .name"), campaign + " · Dead letter later"));
            Browsers.screenshot(browser, "dashboard-dead-letter.png");

            // The cause removed, retried from the page: the letter goes, and the read model has the rename.
            jdbc.execute("ALTER TABLE campaign_view DROP CONSTRAINT " + FAULT);
            By retry = By.cssSelector("#dead-letter-rows button[aria-label='Retry the dead letters of " + VIEW + "']");
            wait.until(d -> {
                d.findElement(retry).sendKeys(Keys.ENTER);
                return true;
            });
            wait.until(d -> d.findElement(By.id("operations-note"))
                    .getText()
                    .matches("\\d+ of \\d+ sequences of " + VIEW + " handled; 0 left\\."));
            wait.until(ExpectedConditions.invisibilityOfElementLocated(row));
            wait.until(ExpectedConditions.textToBe(
                    By.cssSelector("#campaign-" + campaign + " .name"), campaign + " · A dashboard poison name"));
            assertThat(api.get("/api/campaigns/" + campaign).json().get("name").asText())
                    .isEqualTo("A dashboard poison name");
        } catch (RuntimeException | AssertionError e) {
            Browsers.screenshot(browser, "dashboard-dead-letter-failure.png");
            throw e;
        } finally {
            jdbc.execute("ALTER TABLE campaign_view DROP CONSTRAINT IF EXISTS " + FAULT);
            // A letter the test left in the queue goes (a 404 when the retry took it), not to stand in others' way.
            api.delete("/api/admin/dead-letters/" + VIEW + "/" + sequence);
        }
    }
}
