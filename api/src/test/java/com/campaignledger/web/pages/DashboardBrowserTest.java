package com.campaignledger.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import com.campaignledger.testsupport.Browsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The supervisor dashboard in a real browser (headless Chromium): a supervisor signs in with the form and follows
 * the campaigns' figures as the service pushes them, starts and stops a campaign, opens its details (agents with
 * their time in state, calls per hour, the audit trail, the campaign as of an instant); an ADMIN replays a read
 * model and follows its progress.
 */
class DashboardBrowserTest extends BrowserPageTest {

    /** How soon an event shows on screen (SPEC §11: within 2 s). */
    private static final Duration PUSHED_WITHIN = Duration.ofSeconds(2);

    @Test
    void aSupervisorFollowsTheCampaignsLiveAndStartsAndStopsOne() {
        long campaign = runningCampaign("Dashboard calls", 3);
        Response callback = api.post(
                "/api/campaigns/" + campaign + "/agents/callback",
                "{\"userId\": \"cy@example.com\", \"phoneNumber\": \"6465550103\"}");
        assertThat(callback.status()).as(callback.toString()).isEqualTo(201);
        long session = callback.json().get("agentId").asLong();
        assertOk(api.post(
                "/api/campaigns/" + campaign + "/agents/" + session + "/login", "{\"userId\": \"cy@example.com\"}"));
        assertOk(api.post(
                "/api/campaigns/" + campaign + "/calls",
                "{\"number\": \"3105550001\", \"result\": \"BUSY\", \"durationSeconds\": 7}"));

        By row = By.id("campaign-" + campaign);
        try {
            signIn(ApiClient.ADMIN_LOGIN, ApiClient.ADMIN_SECRET);
            wait.until(ExpectedConditions.visibilityOfElementLocated(row));
            wait.until(ExpectedConditions.textToBe(cell(campaign, "name"), campaign + " · Dashboard calls"));
            wait.until(ExpectedConditions.textToBe(cell(campaign, "status"), "RUNNING"));
            wait.until(ExpectedConditions.textToBe(cell(campaign, "dialed"), "1 / 3"));
            wait.until(ExpectedConditions.textToBe(cell(campaign, "agents"), "1 / 0 / 1"));
            assertThat(browser.findElement(By.id("age")).getText()).matches("\\d+ s");
            wait.until(d -> d.findElement(cell(campaign, "data-age")).getText().matches("\\d+ s ago"));

            // A call the dialer reports is pushed: on screen within 2 s, without reloading the page.
            js("window.notReloaded = true;");
            assertOk(api.post(
                    "/api/campaigns/" + campaign + "/calls",
                    "{\"number\": \"3105550002\", \"result\": \"NO_ANS\", \"durationSeconds\": 20}"));
            new WebDriverWait(browser, PUSHED_WITHIN, Duration.ofMillis(50))
                    .until(ExpectedConditions.textToBe(cell(campaign, "dialed"), "2 / 3"));
            wait.until(ExpectedConditions.textToBe(cell(campaign, "noanswer"), "1"));
            assertThat(js("return window.notReloaded === true;")).isEqualTo(true);

            // Stop and start again, with the keyboard.
            press(cell(campaign, "stop"));
            wait.until(ExpectedConditions.textToBe(cell(campaign, "status"), "STOPPED"));
            assertThat(status(campaign)).isEqualTo("STOPPED");
            press(cell(campaign, "start"));
            wait.until(ExpectedConditions.textToBe(cell(campaign, "status"), "RUNNING"));
            assertThat(status(campaign)).isEqualTo("RUNNING");

            // An update, for the audit trail to show what it changed.
            Response patched =
                    api.patch("/api/campaigns/" + campaign, "{\"script\": \"Hello from the dashboard\"}", Map.of());
            assertThat(patched.status()).as(patched.toString()).isEqualTo(200);

            // The campaign's details: the agent waiting, and for how long.
            press(cell(campaign, "details"));
            By agent = By.cssSelector("#agent-" + session + " .state");
            wait.until(ExpectedConditions.textToBe(agent, "READY"));
            wait.until(d -> d.findElement(By.cssSelector("#agent-" + session + " .time-in-state"))
                    .getText()
                    .matches("\\d+ s"));
            // The colours warn as the time in state grows: waiting 2 min is amber, 6 min red.
            // (The agents pushed are shown again at once: nothing pushes them again until they move.)
            assertThat(js("const pushed = agentsShown;"
                            + " agentsShown = [{sessionId: 901, userId: 'a', state: 'READY',"
                            + " since: new Date(Date.now() - 120000).toISOString()},"
                            + " {sessionId: 902, userId: 'b', state: 'READY',"
                            + " since: new Date(Date.now() - 360000).toISOString()}]; showAgents();"
                            + " const classes = ['agent-901', 'agent-902'].map(id => document.querySelector("
                            + "'#' + id + ' .time-in-state').className).join(' | ');"
                            + " agentsShown = pushed; showAgents(); return classes;"))
                    .isEqualTo("time-in-state warn | time-in-state alarm");
            wait.until(ExpectedConditions.textToBe(agent, "READY"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#calls-chart svg rect")));
            wait.until(d -> d.findElement(By.id("timeline")).getText().contains("CampaignStopped"));
            wait.until(d -> d.findElement(By.id("timeline")).getText().contains("\"Hello from the dashboard\""));
            Browsers.screenshot(browser, "dashboard.png");

            // The campaign as it was before it was stopped: RUNNING.
            js("const input = document.getElementById('as-of-instant');"
                    + "const d = new Date(Date.now() - new Date().getTimezoneOffset() * 60000);"
                    + "input.value = d.toISOString().slice(0, 19);");
            browser.findElement(By.cssSelector("#as-of-form button")).click();
            wait.until(d -> d.findElement(By.id("as-of-result")).getText().contains("RUNNING"));
            browser.findElement(By.id("sign-out")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        } catch (RuntimeException | AssertionError e) {
            Browsers.screenshot(browser, "dashboard-failure.png");
            throw e;
        }
    }

    @Test
    void aDropRateAboveTheLimitShowsRed() {
        long campaign = runningCampaign("Dashboard drops", 4);
        assertOk(api.post(
                "/api/campaigns/" + campaign + "/calls",
                "{\"number\": \"3105550001\", \"result\": \"LA\", \"durationSeconds\": 30}"));
        assertOk(api.post(
                "/api/campaigns/" + campaign + "/calls",
                "{\"number\": \"3105550002\", \"result\": \"ABANDONED\", \"durationSeconds\": 3}"));
        try {
            signIn(ApiClient.ADMIN_LOGIN, ApiClient.ADMIN_SECRET);
            wait.until(ExpectedConditions.textToBe(cell(campaign, "drop-rate"), "50.0 % over the limit"));
            // Read at once: a push may draw the row again.
            assertThat(js("const rate = document.querySelector('#campaign-" + campaign + " .drop-rate');"
                            + " return rate.className + ' | ' + getComputedStyle(rate).color;"))
                    .isEqualTo("number drop-rate over-limit | rgb(164, 14, 38)");
            Browsers.screenshot(browser, "dashboard-drop-rate.png");

            // On a phone's screen the page fits its width; only the tables scroll sideways.
            browser.manage().window().setSize(new Dimension(390, 844));
            wait.until(
                    d -> Boolean.TRUE.equals(js("return document.documentElement.scrollWidth <= window.innerWidth;")));
            Browsers.screenshot(browser, "dashboard-phone.png");
        } catch (RuntimeException | AssertionError e) {
            Browsers.screenshot(browser, "dashboard-drop-rate-failure.png");
            throw e;
        }
    }

    @Test
    void anAdminReplaysAReadModelAndFollowsItsProgress() {
        long campaign = runningCampaign("Dashboard replay", 100);
        for (int n = 1; n <= 100; n++) {
            assertOk(api.post(
                    "/api/campaigns/" + campaign + "/calls",
                    "{\"number\": \"" + (3105550000L + n) + "\", \"result\": \"BUSY\", \"durationSeconds\": 5}"));
        }
        try {
            signIn(ApiClient.ADMIN_LOGIN, ApiClient.ADMIN_SECRET);
            By replay = By.id("replay-campaign-history");
            wait.until(ExpectedConditions.elementToBeClickable(replay));
            // Every progress value the page shows, as it shows them.
            js("window.replayProgress = []; window.replayFigures = [];"
                    + "new MutationObserver(() => document.querySelectorAll('#processor-campaign-history .replay')"
                    + ".forEach(r => { const p = r.querySelector('progress'); if (!p) return;"
                    + " window.replayProgress.push(p.value);"
                    + " window.replayFigures.push(r.querySelector('.replay-figures').textContent); }))"
                    + ".observe(document.getElementById('processor-rows'), {childList: true, subtree: true});");
            press(replay);
            wait.until(ExpectedConditions.textToBe(By.id("operations-note"), "Replay of campaign-history started."));
            // The replay's progress is pushed as it goes: the bar moves on, with its rate and the time left.
            wait.until(
                    d -> seenProgress().stream().filter(v -> v < 100).distinct().count() >= 2 && rateShown());
            Browsers.screenshot(browser, "dashboard-operations.png");
            wait.until(d -> "RUNNING"
                            .equals(d.findElement(By.cssSelector("#processor-campaign-history .status"))
                                    .getText())
                    && d.findElements(By.cssSelector("#processor-campaign-history progress"))
                            .isEmpty());
            List<Double> seen = seenProgress();
            assertThat(seen).allSatisfy(v -> assertThat(v).isBetween(0.0, 100.0));
            assertThat(seen).isSorted();
            assertThat(seen.stream().filter(v -> v < 100).distinct().count()).isGreaterThanOrEqualTo(2);
            wait.until(ExpectedConditions.textToBe(By.cssSelector("#processor-campaign-history .lag"), "0"));
        } catch (RuntimeException | AssertionError e) {
            Browsers.screenshot(browser, "dashboard-operations-failure.png");
            throw e;
        }
    }

    @Test
    void wrongCredentialsAreToldInWords() {
        try {
            signIn(ApiClient.ADMIN_LOGIN, "wrong-" + UUID.randomUUID());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
            assertThat(browser.findElement(By.id("error")).getText())
                    .isEqualTo("The login or the secret is wrong, or the credential or its account is disabled");
            assertThat(browser.findElement(By.id("campaigns")).isDisplayed()).isFalse();
        } catch (RuntimeException | AssertionError e) {
            Browsers.screenshot(browser, "dashboard-sign-in-failure.png");
            throw e;
        }
    }

    /** Every progress value the page has shown of the replay, in order. */
    private List<Double> seenProgress() {
        @SuppressWarnings("unchecked")
        List<Number> seen = (List<Number>) js("return window.replayProgress;");
        return seen.stream().map(Number::doubleValue).toList();
    }

    /** Whether the page has shown the replay's rate and time left, as "42.0 % · 291 events/s, 2 s left". */
    private boolean rateShown() {
        @SuppressWarnings("unchecked")
        List<String> figures = (List<String>) js("return window.replayFigures;");
        return figures.stream().anyMatch(f -> f.matches(" [\\d.]+ % · \\d+ events/s, .+ left"));
    }

    private void signIn(String login, String secret) {
        // The page draws its tables again as figures arrive: an element read a moment ago may be gone.
        wait.ignoring(StaleElementReferenceException.class);
        browser.get("http://localhost:" + port + "/dashboard");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        browser.findElement(By.id("credential-login")).sendKeys(login);
        browser.findElement(By.id("credential-secret")).sendKeys(secret, Keys.ENTER);
    }

    /** A running campaign of {@code numbers} numbers, 3105550001 onwards. */
    private long runningCampaign(String name, int numbers) {
        StringBuilder list = new StringBuilder();
        for (int n = 1; n <= numbers; n++) {
            list.append(n == 1 ? "" : ", ")
                    .append("{\"number\": \"")
                    .append(3105550000L + n)
                    .append("\"}");
        }
        Response created = api.post(
                "/api/campaigns",
                "{\"name\": \"" + name + "\", \"fromNumber\": \"9206596476\", \"numbers\": [" + list + "]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long campaign = created.json().get("id").asLong();
        assertOk(api.post("/api/campaigns/" + campaign + "/control", "{\"command\": \"START\"}"));
        await().atMost(STEP).until(() -> "RUNNING".equals(status(campaign)));
        return campaign;
    }

    private String status(long campaign) {
        return api.get("/api/campaigns/" + campaign).json().path("status").asText();
    }

    /** Presses a button with the keyboard, once the page shows it (a push may have drawn its row again). */
    private void press(By button) {
        wait.until(d -> {
            d.findElement(button).sendKeys(Keys.ENTER);
            return true;
        });
    }

    private static By cell(long campaign, String className) {
        return By.cssSelector("#campaign-" + campaign + " ." + className);
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static void assertOk(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
