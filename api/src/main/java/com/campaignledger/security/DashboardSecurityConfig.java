package com.campaignledger.security;

import com.campaignledger.accounts.throttle.RequestRateLimits;
import com.campaignledger.kernel.problem.ProblemType;
import com.campaignledger.web.FilterProblems;
import com.campaignledger.web.Problems;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The supervisor dashboard's paths ({@code /dashboard/**}): a sign-in form that posts an API credential (checked by
 * the same provider as HTTP Basic, so the same lock-out and throttling), then a session cookie that only these paths
 * accept (its path is {@code /dashboard}, and the API's chain is stateless), with Spring Security's CSRF token
 * required on every state-changing request, the sign-in included. ADMIN for everything under
 * {@code /dashboard/admin/}.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurityConfig {

    static final String SIGN_IN = "/dashboard/session";
    static final String SIGN_OUT = "/dashboard/session/end";

    @Bean
    @Order(3)
    SecurityFilterChain dashboardSecurity(
            HttpSecurity http,
            LedgerSecurityProperties properties,
            FilterProblems filterProblems,
            RequestRateLimits rateLimits)
            throws Exception {
        SecurityProblems problems = new SecurityProblems(filterProblems, properties.realm());
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher("/dashboard", "/dashboard/**")
                .httpBasic(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                // The page reads the token from GET /dashboard/session and sends it back in a header.
                .csrf(csrf -> csrf.csrfTokenRepository(new HttpSessionCsrfTokenRepository())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                        .sessionFixation(f -> f.changeSessionId()))
                .formLogin(form -> form.loginProcessingUrl(SIGN_IN)
                        .usernameParameter("login")
                        .passwordParameter("secret")
                        .successHandler((request, response, authentication) ->
                                response.setStatus(HttpStatus.NO_CONTENT.value()))
                        .failureHandler(problems::signInFailed))
                .logout(logout -> logout.logoutRequestMatcher(paths.matcher(HttpMethod.POST, SIGN_OUT))
                        .deleteCookies("LEDGER_DASHBOARD")
                        .logoutSuccessHandler((request, response, authentication) ->
                                response.setStatus(HttpStatus.NO_CONTENT.value())))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, denied) -> filterProblems.write(
                                request,
                                response,
                                Problems.of(
                                        ProblemType.AUTHENTICATION_REQUIRED,
                                        "Sign in on the dashboard with an API credential's login and secret")))
                        .accessDeniedHandler((request, response, denied) -> filterProblems.write(
                                request,
                                response,
                                Problems.of(
                                        ProblemType.FORBIDDEN,
                                        request.getRequestURI().startsWith("/dashboard/admin/")
                                                ? "This needs an ADMIN credential"
                                                : "The request lacks this session's CSRF token: reload the page"))))
                .authorizeHttpRequests(
                        requests -> requests.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                                .permitAll()
                                // The page's own files hold no data.
                                .requestMatchers(HttpMethod.GET, "/dashboard", "/dashboard/", "/dashboard/*.*")
                                .permitAll()
                                .requestMatchers(SIGN_IN, SIGN_OUT)
                                .permitAll()
                                .requestMatchers("/dashboard/admin/**")
                                .hasRole("ADMIN")
                                .anyRequest()
                                .authenticated())
                .addFilterAfter(
                        new AuthenticatedRequestFilter(rateLimits, problems),
                        UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }
}
