package com.campaignledger.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import com.campaignledger.testsupport.Browsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The agent console in a real browser (headless Chromium): an agent opens the invite link, is called back, logs in
 * and waits; the external dialer puts a call through over REST; the popup shows the call, the agent answers the
 * questions, picks a disposition and stores the response as the last call; the ledger has it.
 */
class AgentConsoleBrowserTest extends BrowserPageTest {

    @Test
    void anInvitedAgentTakesACallAndStoresTheResponseAsTheLastCall() {
        long agent = agent("Ann Smith", "ann@example.com");
        long campaign = runningCampaign(agent, """
                {"name": "Evening calls", "fromNumber": "9206596476",
                 "script": "Hello, this is Ann from the Evening calls team.",
                 "questions": [{"label": "Will you vote?", "responseType": "CHOICE", "choices": ["yes", "no"]},
                               {"label": "Biggest concern", "responseType": "STRING"},
                               {"label": "Age", "responseType": "NUMERIC"}],
                 "dispositionLists": [{"name": "Outcome", "dispositions": ["sale", "no sale"]}],
                 "transferNumbers": [{"name": "Supervisor", "number": "2135551212"}],
                 "numbers": [{"number": "3105550100", "extraData": {"name": "Alice"}}]}""");
        assertOk(api.post("/api/campaigns/" + campaign + "/invites", "{\"agentIds\": [" + agent + "]}"));
        URI link = URI.create(api.get("/api/campaigns/" + campaign + "/invites/" + agent)
                .json()
                .get("uri")
                .asText());
        assertThat(link.getPath()).isEqualTo("/agent");
        // What the page reads first needs the link's token: a credential has no invitation.
        assertThat(api.get("/api/campaigns/" + campaign + "/agents/invitation").status())
                .isEqualTo(404);

        try {
            // The invite link, on this test's port.
            browser.get("http://localhost:" + port + link.getRawPath() + "?" + link.getRawQuery());
            visible("callback");
            assertThat(browser.getCurrentUrl()).doesNotContain("token");
            assertThat(text("campaign-name")).isEqualTo("Evening calls");
            assertThat(text("agent-name")).isEqualTo("Ann Smith");
            WebElement phone = browser.findElement(By.id("phone"));
            assertThat(phone.getDomProperty("value")).isEqualTo("+16465550101");

            // Call me, by the keyboard: Enter in the form.
            browser.findElement(By.id("music")).sendKeys("jazz", Keys.ENTER);
            visible("login");
            long session = Long.parseLong(text("expected-agent-id"));
            browser.findElement(By.cssSelector("#login-form button[type=submit]"))
                    .sendKeys(Keys.ENTER);
            visible("waiting");
            // The time waited counts up.
            wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("waited"), "0:00")));

            // The external dialer puts a live answer through to Ann.
            Response connected = api.post(
                    "/api/campaigns/" + campaign + "/agents/" + session + "/connection",
                    "{\"number\": \"3105550100\", \"callId\": \"browser-call-1\"}");
            assertOk(connected);
            new WebDriverWait(browser, Duration.ofSeconds(90), Duration.ofMillis(100))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("call")));
            assertThat(text("call-number")).isEqualTo("+13105550100");
            assertThat(text("extra-data")).contains("name").contains("Alice");
            assertThat(text("script")).isEqualTo("Hello, this is Ann from the Evening calls team.");
            assertThat(text("transfers")).contains("Supervisor").contains("+12135551212");
            assertThat(browser.findElements(By.cssSelector("#questions label")))
                    .extracting(WebElement::getText)
                    .containsExactly("Will you vote?", "Biggest concern", "Age");
            assertThat(browser.findElement(By.id("question-2")).getDomAttribute("type"))
                    .isEqualTo("number");

            new Select(browser.findElement(By.id("question-0"))).selectByVisibleText("yes");
            browser.findElement(By.id("question-1")).sendKeys("the economy");
            browser.findElement(By.id("question-2")).sendKeys("42");
            browser.findElement(By.xpath("//button[@class='disposition' and text()='sale']"))
                    .click();
            assertThat(browser.findElement(By.id("agent-response")).getDomProperty("value"))
                    .isEqualTo("sale");
            browser.findElement(By.id("notes")).sendKeys("Call back in May");
            browser.findElement(By.id("last-call")).sendKeys(Keys.SPACE);
            assertThat(browser.findElement(By.id("last-call")).isSelected()).isTrue();
            assertFitsAPhone();
            Browsers.screenshot(browser, "agent-console.png");

            browser.findElement(By.id("store")).click();
            visible("logged-out");
            assertThat(text("logged-out-reason")).contains("last call");
        } catch (RuntimeException | AssertionError e) {
            Browsers.screenshot(browser, "agent-console-failure.png");
            throw e;
        }

        // The ledger has the response: the call, its answers and notes, and Ann logged out.
        await().atMost(STEP).untilAsserted(() -> {
            Response call = api.get("/api/calls/browser-call-1");
            assertThat(call.status()).as(call.toString()).isEqualTo(200);
            JsonNode json = call.json();
            assertThat(json.get("result").asText()).isEqualTo("LA");
            assertThat(json.get("agentResponse").asText()).isEqualTo("sale");
            assertThat(json.get("agentNotes").asText()).isEqualTo("Call back in May");
            assertThat(json.get("storedData").get("Will you vote?").asText()).isEqualTo("yes");
            assertThat(json.get("storedData").get("Biggest concern").asText()).isEqualTo("the economy");
            assertThat(json.get("storedData").get("Age").asText()).isEqualTo("42");
        });
        await().atMost(STEP)
                .untilAsserted(() -> assertThat(api.get("/api/campaigns/" + campaign + "/stats")
                                .json()
                                .at("/agents/loggedIn")
                                .asInt())
                        .isZero());
    }

    @Test
    void aCredentialSignsInARefusedStepIsShownInTheProblemsWordsAndAMachineIsLeftAMessage() {
        long agent = agent("Bob Jones", "bob@example.com");
        long campaign = runningCampaign(
                agent,
                "{\"name\": \"Morning calls\", \"fromNumber\": \"9206596476\", \"numbers\": [{\"number\": \"3105550111\"},"
                        + " {\"number\": \"3105550112\"}]}");
        try {
            browser.get("http://localhost:" + port + "/agent");
            visible("sign-in");
            WebElement secret = browser.findElement(By.id("credential-secret"));
            browser.findElement(By.id("credential-login")).sendKeys(ApiClient.ADMIN_LOGIN);
            secret.sendKeys("not-the-secret");
            browser.findElement(By.id("campaign-id")).sendKeys(String.valueOf(campaign));
            browser.findElement(By.id("user-id")).sendKeys("bob@example.com", Keys.ENTER);
            wait.until(ExpectedConditions.textToBe(
                    By.id("error"), "Send an API credential's login and secret with HTTP Basic authentication"));

            secret.clear();
            secret.sendKeys(ApiClient.ADMIN_SECRET, Keys.ENTER);
            visible("callback");
            assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
            assertThat(text("campaign-name")).isEqualTo("Morning calls");
            assertThat(text("agent-name")).isEqualTo("Bob Jones");
            WebElement phone = browser.findElement(By.id("phone"));
            assertThat(phone.getDomProperty("value")).isEqualTo("+16465550101");

            phone.clear();
            phone.sendKeys("12", Keys.ENTER);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
            assertThat(text("error")).contains("phoneNumber").doesNotContain("400");
            assertThat(browser.findElement(By.id("callback")).isDisplayed()).isTrue();

            // With the number right: called back, logged in, a call left to the answering machine, logged out.
            phone.clear();
            phone.sendKeys("6465550102", Keys.ENTER);
            visible("login");
            long session = Long.parseLong(text("expected-agent-id"));
            browser.findElement(By.cssSelector("#login-form button[type=submit]"))
                    .click();
            visible("waiting");
            assertOk(api.post(
                    "/api/campaigns/" + campaign + "/agents/" + session + "/connection",
                    "{\"number\": \"3105550111\", \"callId\": \"browser-call-2\"}"));
            visible("call");
            assertThat(text("call-number")).isEqualTo("+13105550111");
            browser.findElement(By.id("machine")).click();
            visible("waiting");
            browser.findElement(By.id("logout")).click();
            visible("logged-out");
        } catch (RuntimeException | AssertionError e) {
            Browsers.screenshot(browser, "agent-console-sign-in-failure.png");
            throw e;
        }
        await().atMost(STEP).untilAsserted(() -> {
            Response call = api.get("/api/calls/browser-call-2");
            assertThat(call.status()).as(call.toString()).isEqualTo(200);
            assertThat(call.json().get("result").asText()).isEqualTo("AM");
        });
        await().atMost(STEP)
                .untilAsserted(() -> assertThat(api.get("/api/campaigns/" + campaign + "/stats")
                                .json()
                                .at("/agents/loggedIn")
                                .asInt())
                        .isZero());
    }

    private long agent(String name, String userId) {
        return created(api.post(
                "/api/agents",
                "{\"name\": \"" + name + "\", \"userId\": \"" + userId + "\", \"phoneNumber\": \"646-555-0101\"}"));
    }

    /** A campaign with the agent on its roster, started. */
    private long runningCampaign(long agent, String body) {
        long campaign = created(api.post("/api/campaigns", body));
        assertOk(api.post("/api/campaigns/" + campaign + "/roster/agents", "{\"agentIds\": [" + agent + "]}"));
        assertOk(api.post("/api/campaigns/" + campaign + "/control", "{\"command\": \"START\"}"));
        await().atMost(STEP)
                .until(() -> "RUNNING"
                        .equals(api.get("/api/campaigns/" + campaign)
                                .json()
                                .path("status")
                                .asText()));
        return campaign;
    }

    /** At a phone's width nothing needs sideways scrolling. */
    private void assertFitsAPhone() {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(375, 800));
        wait.until(
                d -> ((Number) ((JavascriptExecutor) d).executeScript("return window.innerWidth;")).intValue() <= 400);
        Object overflow = ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }

    private void visible(String section) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(section)));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static long created(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private static void assertOk(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
