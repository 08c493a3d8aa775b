package com.campaignledger.web;

import com.campaignledger.kernel.ResourceNotFoundException;
import com.campaignledger.kernel.problem.ProblemType;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * A problem's {@code type} is a page the service serves: what the kind of problem means and what to do about it,
 * so the URI an integrator sees in an answer explains itself (RFC 9457 §3.1.1). Open without credentials.
 */
@RestController
@Hidden // pages for people, linked from every problem: not operations of the API
class ProblemPages {

    @GetMapping(value = "/problems", produces = MediaType.TEXT_HTML_VALUE)
    String catalogue() {
        String rows = Arrays.stream(ProblemType.values())
                .map(t -> "<tr><td><a href=\"" + t.uri() + "\"><code>" + t.uri() + "</code></a></td><td>"
                        + status(t) + "</td><td><code>" + t.name() + "</code></td><td>" + html(t.title())
                        + "</td></tr>")
                .collect(Collectors.joining("\n"));
        return page(
                "Problem types",
                "<p>Every error answer is <code>application/problem+json</code> (RFC 9457) whose <code>type</code> is"
                        + " one of these pages and whose <code>code</code> is the same kind for programs.</p>"
                        + "<table><tr><th>type</th><th>status</th><th>code</th><th>title</th></tr>\n" + rows
                        + "</table>");
    }

    @GetMapping(value = "/problems/{slug}", produces = MediaType.TEXT_HTML_VALUE)
    String type(@PathVariable String slug) {
        ProblemType type = kind(slug);
        return page(
                type.title(),
                "<dl><dt>type</dt><dd><code>" + type.uri() + "</code></dd><dt>status</dt><dd>"
                        + status(type) + "</dd><dt>code</dt><dd><code>" + type.name()
                        + "</code></dd><dt>meaning</dt><dd>"
                        + html(type.meaning())
                        + "</dd><dt>members besides type, title, status, detail, instance, code</dt><dd>"
                        + (type.fields().isEmpty() ? "none" : html(type.fields())) + "</dd></dl>"
                        + "<p><a href=\"/problems\">All problem types</a></p>");
    }

    @GetMapping(value = "/problems/{slug}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> typeJson(@PathVariable String slug) {
        ProblemType type = kind(slug);
        return Map.of(
                "type", type.uri().toString(),
                "status", type.status(),
                "code", type.name(),
                "title", type.title(),
                "meaning", type.meaning(),
                "members", type.fields());
    }

    private static ProblemType kind(String slug) {
        return ProblemType.bySlug(slug).orElseThrow(() -> new ResourceNotFoundException("No problem type " + slug));
    }

    private static String status(ProblemType type) {
        return type.status() == 0 ? "any" : Integer.toString(type.status());
    }

    private static String html(String text) {
        return HtmlUtils.htmlEscape(text);
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + html(title)
                + " · Campaign Ledger</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto;"
                + "padding:0 1em}td,th{padding:.3em .6em;text-align:left;border-bottom:1px solid #ddd}dt{font-weight:"
                + "bold}</style></head><body><h1>" + html(title) + "</h1>" + body + "</body></html>";
    }
}
