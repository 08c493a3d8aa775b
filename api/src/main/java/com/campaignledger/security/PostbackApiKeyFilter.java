package com.campaignledger.security;

import com.campaignledger.accounts.CredentialRole;
import com.campaignledger.accounts.apikey.ApiKey;
import com.campaignledger.accounts.apikey.ApiKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Seed 001's postback registration authenticates with {@code apikey} (a form field, a {@code text/plain} body of
 * {@code apikey=…&postUrl=…}, or the query string) and no HTTP Basic: there, and only there, a request without an
 * Authorization header is authenticated by its API key, and acts as {@code key:<id>} for the key's account. A
 * {@code text/plain} body is read as form fields, so the controller finds {@code postUrl} in it as in a form.
 */
class PostbackApiKeyFilter extends OncePerRequestFilter {

    static final String PATH = "/api/callbacks";
    private static final int MAX_TEXT_BODY = 64 * 1024;

    private final ApiKeys keys;
    private final SecurityProblems problems;

    PostbackApiKeyFilter(ApiKeys keys, SecurityProblems problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals(PATH) || path.startsWith(PATH + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest read = isTextPlain(request) ? TextFormRequest.of(request) : request;
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            String presented = read.getParameter("apikey");
            if (presented != null) {
                Optional<ApiKey> key = keys.authenticate(presented);
                if (key.isEmpty()) {
                    problems.unauthenticatedKey(read, response);
                    return;
                }
                LedgerPrincipal principal =
                        new LedgerPrincipal(key.get().actor(), key.get().accountId(), CredentialRole.USER);
                SecurityContextHolder.getContext()
                        .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                principal, null, List.of(new SimpleGrantedAuthority("ROLE_USER"))));
            }
        }
        chain.doFilter(read, response);
    }

    private static boolean isTextPlain(HttpServletRequest request) {
        try {
            return request.getContentType() != null
                    && MediaType.TEXT_PLAIN.includes(MediaType.parseMediaType(request.getContentType()));
        } catch (RuntimeException e) {
            return false; // a malformed Content-Type is the MVC layer's to refuse, naming it
        }
    }

    /** A text/plain body of form fields, readable as parameters (after the query string's) and again as a body. */
    private static final class TextFormRequest extends HttpServletRequestWrapper {

        private final byte[] body;
        private final Map<String, String[]> parameters;

        private TextFormRequest(HttpServletRequest request, byte[] body, Map<String, String[]> parameters) {
            super(request);
            this.body = body;
            this.parameters = parameters;
        }

        static HttpServletRequest of(HttpServletRequest request) throws IOException {
            byte[] body = request.getInputStream().readNBytes(MAX_TEXT_BODY);
            Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
            String text = new String(body, StandardCharsets.UTF_8).strip();
            if (!text.isEmpty()) {
                UriComponentsBuilder.newInstance()
                        .query(text)
                        .build()
                        .getQueryParams()
                        .forEach((name, values) -> parameters.merge(
                                decode(name),
                                values.stream()
                                        .map(v -> v == null ? "" : decode(v))
                                        .toArray(String[]::new),
                                (a, b) -> a));
            }
            return new TextFormRequest(request, body, parameters);
        }

        private static String decode(String text) {
            try {
                return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return text;
            }
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Collections.unmodifiableMap(parameters);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }
            };
        }
    }
}
