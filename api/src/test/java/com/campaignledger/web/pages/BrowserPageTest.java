package com.campaignledger.web.pages;

import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.Browsers;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * A page test: the service on a random port (one context for every page test), an API client to set the scene and
 * check the ledger, and a headless Chromium that is opened before each test and quit after it. Replays of the audit
 * trail's index go slowly enough to be watched ({@link WatchableReplays}).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.dialer.enabled=false",
            // Replayed in batches of ten, the audit trail's index shows its progress as it goes (WatchableReplays).
            "axon.eventhandling.processors.campaign-history.batch-size=10",
            "spring.datasource.url=jdbc:h2:mem:pages;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"
        })
@Import(WatchableReplays.class)
abstract class BrowserPageTest {

    /** The longest a step on a page may take. */
    static final Duration STEP = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    ApiClient api;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() {
        api = new ApiClient(port);
        browser = Browsers.chromium();
        wait = new WebDriverWait(browser, STEP, Duration.ofMillis(100));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }
}
