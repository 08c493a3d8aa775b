package com.campaignledger.web.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the dashboard's session is signed in as, and the CSRF token its state-changing requests must send back (the
 * sign-in form's post included). Signing in and out are Spring Security's (POST /dashboard/session, POST
 * /dashboard/session/end).
 */
@Hidden
@RestController
class DashboardSessionController {

    record Session(boolean signedIn, String login, boolean admin, String csrfHeader, String csrfToken) {}

    @GetMapping("/dashboard/session")
    Session session(Authentication authentication, CsrfToken csrf) {
        boolean signedIn = authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        boolean admin = signedIn
                && authentication.getAuthorities().stream()
                        .anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()));
        return new Session(
                signedIn, signedIn ? authentication.getName() : null, admin, csrf.getHeaderName(), csrf.getToken());
    }
}
