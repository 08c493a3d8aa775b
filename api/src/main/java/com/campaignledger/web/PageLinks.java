package com.campaignledger.web;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * RFC 8288 {@code Link} headers on every page of a list (a record with {@code page}, {@code size} and
 * {@code totalElements}): {@code first}, {@code prev}, {@code next} and {@code last}, the request's own URL with
 * another {@code page}, so a client can walk the pages without building URLs. The body keeps its fields.
 */
@ControllerAdvice
class PageLinks implements ResponseBodyAdvice<Object> {

    private static final Set<String> PAGE_FIELDS = Set.of("page", "size", "totalElements");
    private static final Map<Class<?>, Boolean> PAGED = new ConcurrentHashMap<>();

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body != null && PAGED.computeIfAbsent(body.getClass(), PageLinks::paged)) {
            List<String> links = links(
                    ((Number) value(body, "page")).intValue(),
                    ((Number) value(body, "size")).intValue(),
                    ((Number) value(body, "totalElements")).longValue());
            if (!links.isEmpty()) {
                response.getHeaders().add(HttpHeaders.LINK, String.join(", ", links));
            }
        }
        return body;
    }

    static List<String> links(int page, int size, long total) {
        List<String> links = new ArrayList<>();
        if (size <= 0) {
            return links;
        }
        int last = (int) Math.max(0, (total - 1) / size);
        links.add(link(0, "first"));
        if (page > 0) {
            links.add(link(Math.min(page - 1, last), "prev"));
        }
        if (page < last) {
            links.add(link(page + 1, "next"));
        }
        links.add(link(last, "last"));
        return links;
    }

    private static String link(int page, String rel) {
        String url = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("page", page)
                .build()
                .toUriString();
        return "<" + url + ">; rel=\"" + rel + "\"";
    }

    private static boolean paged(Class<?> type) {
        return type.isRecord()
                && Arrays.stream(type.getRecordComponents())
                        .map(RecordComponent::getName)
                        .collect(Collectors.toSet())
                        .containsAll(PAGE_FIELDS);
    }

    private static Object value(Object record, String name) {
        try {
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                if (c.getName().equals(name)) {
                    c.getAccessor().setAccessible(true);
                    return c.getAccessor().invoke(record);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + name + " of " + record.getClass(), e);
        }
        throw new IllegalStateException(record.getClass() + " has no " + name);
    }
}
