package com.campaignledger.security;

import com.campaignledger.accounts.AccountStore;
import com.campaignledger.accounts.apikey.ApiKeys;
import com.campaignledger.accounts.throttle.LoginLockout;
import com.campaignledger.accounts.throttle.RequestRateLimits;
import com.campaignledger.kernel.problem.ProblemType;
import com.campaignledger.soap.SoapConfig;
import com.campaignledger.web.FilterProblems;
import com.campaignledger.web.Problems;
import com.campaignledger.web.RequestContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * HTTP Basic with API credentials on every endpoint but health; ADMIN for everything under
 * {@code /api/admin/} (whatever is added there later) and for the other actuator endpoints (metrics are the
 * operators'). Stateless: no session, no cookie, so no CSRF to guard against; the dashboard's session cookie is
 * for its own paths only ({@link DashboardSecurityConfig}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerSecurityProperties.class)
public class SecurityConfig {

    static final String SCHEME = "basicAuth";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    LoginLockout loginLockout(LedgerSecurityProperties properties, MeterRegistry meters) {
        return new LoginLockout(
                properties.lockout().maxFailures(),
                properties.lockout().duration(),
                properties.secretChecks().perAddress(),
                properties.secretChecks().period(),
                meters);
    }

    @Bean
    RequestRateLimits requestRateLimits(LedgerSecurityProperties properties, MeterRegistry meters) {
        LedgerSecurityProperties.RateLimit limit = properties.rateLimit();
        return new RequestRateLimits(limit.enabled(), limit.capacity(), limit.period(), meters);
    }

    /** The only authentication provider: being a bean, it also keeps Spring Boot from inventing a default user. */
    @Bean
    CredentialAuthenticationProvider credentialAuthenticationProvider(
            AccountStore store, PasswordEncoder encoder, LoginLockout lockout) {
        return new CredentialAuthenticationProvider(store, encoder, lockout);
    }

    /**
     * A request Spring Security's firewall refuses (a header value with a control character, a path that tries to
     * escape) is the client's error: a 400 problem, not a 500.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(FilterProblems problems) {
        return (request, response, rejected) -> problems.write(
                request,
                response,
                Problems.of(
                        ProblemType.REQUEST_REJECTED,
                        "A header or the path has characters that are not allowed: " + rejected.getMessage()));
    }

    /**
     * The SOAP services' WSDLs and schemas (SPEC §10) are open and read no credentials: PHP's SoapClient sends HTTP
     * Basic preemptively with the WSDL GET too, and a wrong password must not refuse the document.
     */
    @Bean
    @Order(0)
    SecurityFilterChain wsdlSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher(SecurityConfig::isWsdlRequest)
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }

    private static boolean isWsdlRequest(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query =
                request.getQueryString() == null ? "" : request.getQueryString().toLowerCase(Locale.ROOT);
        return path.equals(SoapConfig.CCC_SERVICE_WSDL)
                || (path.startsWith("/service/") && (query.equals("wsdl") || query.startsWith("xsd=")));
    }

    /**
     * CccService (SPEC §10): HTTP Basic with an API credential, as the REST API, with its lock-outs and rate limits;
     * what the filters refuse is a SOAP 1.2 fault.
     */
    @Bean
    @Order(1)
    SecurityFilterChain cccServiceSecurity(
            HttpSecurity http, LedgerSecurityProperties properties, ObjectMapper json, RequestRateLimits rateLimits)
            throws Exception {
        SecurityProblems faults = new SecurityProblems(new SoapFaults(json), properties.realm());
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/service" + SoapConfig.CCC_SERVICE))
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(
                        basic -> basic.realmName(properties.realm()).authenticationEntryPoint(faults::unauthenticated))
                .exceptionHandling(e -> e.authenticationEntryPoint(faults::unauthenticated))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .addFilterAfter(new AuthenticatedRequestFilter(rateLimits, faults), BasicAuthenticationFilter.class);
        return http.build();
    }

    /**
     * PredictiveService (SPEC §10): each operation authenticates its own {@code key} (an API key), so no HTTP Basic
     * here.
     */
    @Bean
    @Order(2)
    SecurityFilterChain soapSecurity(HttpSecurity http) throws Exception {
        // A path pattern, not an MVC matcher: CXF's servlet, not Spring MVC's, serves /service.
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/service/**"))
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            LedgerSecurityProperties properties,
            FilterProblems filterProblems,
            RequestRateLimits rateLimits,
            ApiKeys apiKeys)
            throws Exception {
        SecurityProblems problems = new SecurityProblems(filterProblems, properties.realm());
        http.csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic ->
                        basic.realmName(properties.realm()).authenticationEntryPoint(problems::unauthenticated))
                .exceptionHandling(e ->
                        e.authenticationEntryPoint(problems::unauthenticated).accessDeniedHandler(problems::forbidden))
                .authorizeHttpRequests(requests -> requests
                        // The request that started them was authorized already.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        // What a problem's type means: documentation, as the answer that names it.
                        .requestMatchers("/problems", "/problems/*")
                        .permitAll()
                        // The pages' own files hold no data: what they show comes through the API, authenticated.
                        .requestMatchers("/agent", "/agent/", "/agent/*")
                        .permitAll()
                        .requestMatchers("/api/admin/**", "/actuator/**")
                        .hasRole("ADMIN")
                        // An agent's own endpoints with a valid invite token (checked by InviteTokenFilter, earlier).
                        .requestMatchers(request -> request.getAttribute(RequestContext.INVITED_USER_ID) != null)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .addFilterBefore(new PostbackApiKeyFilter(apiKeys, problems), BasicAuthenticationFilter.class)
                .addFilterAfter(new AuthenticatedRequestFilter(rateLimits, problems), BasicAuthenticationFilter.class);
        return http.build();
    }

    /**
     * The OpenAPI document names HTTP Basic as the scheme of every operation, and the answers of the security
     * filters on each: 401 and 429 everywhere, 403 under {@code /api/admin/}.
     */
    @Bean
    OpenApiCustomizer basicAuthScheme() {
        return openApi -> {
            openApi.getComponents()
                    .addSecuritySchemes(
                            SCHEME,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("basic")
                                    .description(
                                            "An API credential's login and secret (`/api/admin/accounts/{accountId}/credentials`)"));
            openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperations().forEach(operation -> {
                        if (operation.getResponses() == null) {
                            operation.setResponses(new ApiResponses());
                        }
                        ApiResponses responses = operation.getResponses();
                        responses.putIfAbsent(
                                "401",
                                problem("No credentials, wrong ones, or a disabled credential or account "
                                        + "(with a `WWW-Authenticate: Basic` challenge)."));
                        responses.putIfAbsent(
                                "429",
                                problem("The credential's request rate limit is reached, or its login is "
                                        + "locked after failed logins: retry after `Retry-After` seconds."));
                        if (path.startsWith("/api/admin/")) {
                            responses.putIfAbsent("403", problem("The credential lacks the ADMIN role."));
                        }
                    }));
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }
}
