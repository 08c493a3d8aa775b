package com.campaignledger.accounts;

import com.campaignledger.kernel.MetadataKeys;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The first admin credential, in the default account, made before the server takes requests:
 * from {@code ledger.bootstrap.login/password} ({@code LEDGER_BOOTSTRAP_LOGIN/PASSWORD}) when set, created
 * unless that login exists; otherwise, when no credential exists at all, an {@code admin} login with a
 * generated secret, printed once on standard output (not through the logger: log files and shippers never
 * see it).
 */
@Component
public class BootstrapAdmin implements InitializingBean {

    public static final String GENERATED_LOGIN = "admin";
    private static final int MIN_PASSWORD_LENGTH = 12;
    private static final int MAX_PASSWORD_BYTES = 72;
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final AccountService accounts;
    private final String login;
    private final String password;
    private final PrintStream out;

    @Autowired
    BootstrapAdmin(
            AccountService accounts,
            @Value("${ledger.bootstrap.login:}") String login,
            @Value("${ledger.bootstrap.password:}") String password) {
        this(accounts, login, password, System.out);
    }

    public BootstrapAdmin(AccountService accounts, String login, String password, PrintStream out) {
        this.accounts = accounts;
        this.login = login == null ? "" : login.strip();
        this.password = password == null ? "" : password;
        this.out = out;
    }

    @Override
    public void afterPropertiesSet() {
        run();
    }

    public void run() {
        if (!login.isEmpty() || !password.isEmpty()) {
            configured();
        } else if (!accounts.anyCredential()) {
            generated();
        }
    }

    private void configured() {
        if (login.isEmpty() || password.isEmpty()) {
            throw new IllegalStateException(
                    "Set both LEDGER_BOOTSTRAP_LOGIN and LEDGER_BOOTSTRAP_PASSWORD, or neither");
        }
        if (!login.matches(Credential.LOGIN_PATTERN)) {
            throw new IllegalStateException(
                    "LEDGER_BOOTSTRAP_LOGIN must be 1-128 of letters, digits, '.', '_', '@' and '-'");
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (password.length() < MIN_PASSWORD_LENGTH || bytes > MAX_PASSWORD_BYTES) {
            throw new IllegalStateException("LEDGER_BOOTSTRAP_PASSWORD must be " + MIN_PASSWORD_LENGTH
                    + " characters to " + MAX_PASSWORD_BYTES + " bytes long");
        }
        if (accounts.ensureAdmin(MetadataKeys.DEFAULT_ACCOUNT, login, password)) {
            log.info("Bootstrap admin credential {} created in account {}", login, MetadataKeys.DEFAULT_ACCOUNT);
        }
    }

    private void generated() {
        String secret = AccountService.newSecret();
        if (!accounts.ensureAdmin(MetadataKeys.DEFAULT_ACCOUNT, GENERATED_LOGIN, secret)) {
            return; // another instance made it first, and printed it
        }
        log.info(
                "Bootstrap admin credential {} generated in account {}; its secret is printed once on standard output",
                GENERATED_LOGIN,
                MetadataKeys.DEFAULT_ACCOUNT);
        out.println();
        out.println("==================================================================");
        out.println(" Campaign Ledger: bootstrap admin credential (shown this once)");
        out.println("   login:  " + GENERATED_LOGIN);
        out.println("   secret: " + secret);
        out.println(" Use it with HTTP Basic; rotate it with");
        out.println("   POST /api/admin/credentials/" + GENERATED_LOGIN + "/rotate");
        out.println("==================================================================");
        out.println();
        out.flush();
    }
}
