package com.campaignledger.web.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The words of the OpenAPI document, kept out of the controllers in {@value #RESOURCE}: the tags, and for every
 * {@code /api} operation (keyed {@code "METHOD path"}) its operationId, tag, summary, description, the descriptions
 * of its parameters, and every success status it answers with its body and headers. What follows from an
 * operation's shape is added here for all: {@code Idempotent-Replayed} on the answers of commands, {@code Link} on
 * pages, {@code Retry-After} on 429 and 503, 406 and 415.
 * <p>
 * An operation without an entry, an entry without an operation, or a parameter left undescribed is an error: the
 * document is not served, and {@code OpenApiDocumentTest} fails.
 */
final class OperationDocs implements OpenApiCustomizer {

    static final String RESOURCE = "openapi/operations.yaml";
    private static final String HEADERS = "#/components/headers/";

    private final JsonNode docs;
    private final ResponseRecords records;

    OperationDocs(ResponseRecords records) {
        this.records = records;
        try (InputStream in = OperationDocs.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            docs = Yaml.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents();
        docs.path("headers")
                .fields()
                .forEachRemaining(h -> components.addHeaders(h.getKey(), convert(h.getValue(), Header.class)));
        docs.path("securitySchemes")
                .fields()
                .forEachRemaining(
                        s -> components.addSecuritySchemes(s.getKey(), convert(s.getValue(), SecurityScheme.class)));
        docs.path("newSchemas")
                .fields()
                .forEachRemaining(s -> components.addSchemas(s.getKey(), convert(s.getValue(), Schema.class)));
        List<Tag> tags = new ArrayList<>();
        docs.path("tags").forEach(t -> tags.add(convert(t, Tag.class)));
        openApi.setTags(tags);
        Set<String> unused = new TreeSet<>();
        docs.path("operations").fieldNames().forEachRemaining(unused::add);
        List<String> problems = new ArrayList<>();
        if (openApi.getPaths() != null) {
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                        String key = method + " " + path;
                        JsonNode entry = docs.path("operations").path(key);
                        if (path.startsWith("/api/") && entry.isMissingNode()) {
                            problems.add(key + " has no entry");
                        } else if (!entry.isMissingNode()) {
                            unused.remove(key);
                            document(openApi, key, operation, entry, problems);
                        }
                    }));
        }
        unused.forEach(key -> problems.add(key + " is no operation"));
        // The problems of the bodies read by hand, documented here; then an example for every problem answer.
        ProblemResponses.addTo(openApi);
        ProblemResponses.exemplify(openApi);
        records.mark(openApi);
        // What a controller returns and an entry replaced (an interface, read as an empty schema) is left to nobody.
        Set<String> used = ResponseRecords.referred(openApi, List.of(openApi.getPaths()));
        components.getSchemas().entrySet().removeIf(s -> !used.contains(s.getKey()) && empty(s.getValue()));
        docs.path("schemas").fields().forEachRemaining(s -> constrain(components, s.getKey(), s.getValue(), problems));
        if (!problems.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": " + String.join("; ", problems));
        }
    }

    private void document(OpenAPI openApi, String key, Operation operation, JsonNode entry, List<String> problems) {
        operation.setOperationId(entry.path("id").asText(null));
        operation.setTags(List.of(entry.path("tag").asText()));
        if (entry.has("summary")) {
            operation.setSummary(entry.get("summary").asText());
        }
        if (entry.has("description")) {
            operation.setDescription(entry.get("description").asText());
        }
        if (operation.getOperationId() == null
                || operation.getSummary() == null
                || operation.getDescription() == null) {
            problems.add(key + " needs an id, a summary and a description");
        }
        if (openApi.getTags().stream()
                .noneMatch(t -> t.getName().equals(operation.getTags().get(0)))) {
            problems.add(key + " has an undeclared tag");
        }
        if (entry.has("requestBody")) {
            operation.setRequestBody(convert(entry.get("requestBody"), RequestBody.class));
        }
        if (entry.has("requestExample") && operation.getRequestBody() != null) {
            // A realistic body for each media type the operation reads (JSON and merge patch take the same one).
            Object example = convert(entry.get("requestExample"), Object.class);
            operation.getRequestBody().getContent().forEach((type, media) -> {
                if (type.contains("json")) {
                    media.setExample(example);
                }
            });
        }
        entry.path("requestContent")
                .fields()
                .forEachRemaining(c -> operation
                        .getRequestBody()
                        .getContent()
                        .addMediaType(c.getKey(), new MediaType().schema(schema(openApi, c.getValue()))));
        if (operation.getParameters() != null) {
            String[] segments = key.split("/");
            operation.getParameters().forEach(p -> {
                String described = entry.path("parameters").path(p.getName()).asText(null);
                if (described == null && p.getDescription() == null) {
                    described = docs.path("parameters").path(p.getName()).asText(null);
                }
                if (described == null && p.getDescription() == null && "path".equals(p.getIn())) {
                    for (int i = 1; i < segments.length; i++) {
                        if (segments[i].equals("{" + p.getName() + "}")) {
                            described =
                                    docs.path("pathIds").path(segments[i - 1]).asText(null);
                        }
                    }
                }
                if (described != null) {
                    p.setDescription(described);
                } else if (p.getDescription() == null) {
                    problems.add(key + " does not describe " + p.getName());
                }
            });
        }
        if (entry.has("security")) {
            List<SecurityRequirement> security = new ArrayList<>();
            entry.get("security").forEach(s -> security.add(new SecurityRequirement().addList(s.asText())));
            operation.setSecurity(security);
        }
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponses responses = operation.getResponses();
        responses
                .keySet()
                .removeIf(status ->
                        status.startsWith("2") && !entry.path("responses").has(status));
        entry.path("responses").fields().forEachRemaining(r -> {
            if (!r.getKey().startsWith("2")) {
                problem(operation, r.getKey(), entry.path("responses"));
            }
            ApiResponse response = responses.computeIfAbsent(r.getKey(), s -> new ApiResponse());
            respond(openApi, response, r.getValue(), problems);
        });
        if (responses.keySet().stream().noneMatch(s -> s.startsWith("2"))) {
            problems.add(key + " lists no success status");
        }
        derive(openApi, key, operation);
    }

    /** One response of an entry: {@code description}, {@code headers} by name, {@code body} or {@code content}. */
    private void respond(OpenAPI openApi, ApiResponse response, JsonNode spec, List<String> problems) {
        if (spec.has("description")) {
            response.setDescription(spec.get("description").asText());
        }
        spec.path("headers").forEach(h -> header(response, h.asText()));
        if (spec.has("body")) {
            content(response)
                    .addMediaType("application/json", new MediaType().schema(schema(openApi, spec.get("body"))));
        }
        spec.path("content")
                .fields()
                .forEachRemaining(c -> content(response)
                        .addMediaType(c.getKey(), new MediaType().schema(schema(openApi, c.getValue()))));
        if (response.getDescription() == null) {
            problems.add("a response needs a description");
        }
    }

    /**
     * A schema named in an entry: a component's name, {@code string}, a class of the service (its schema added to
     * the components), or a list of one of them.
     */
    private static Schema<?> schema(OpenAPI openApi, JsonNode name) {
        if (name.isArray()) {
            return convert(Yaml.mapper().createObjectNode().put("type", "array"), Schema.class)
                    .items(schema(openApi, name.get(0)));
        }
        String text = name.asText();
        if (text.equals("string")) {
            return convert(Yaml.mapper().createObjectNode().put("type", "string"), Schema.class);
        }
        if (text.startsWith("com.campaignledger.")) {
            try {
                Class<?> type = Class.forName(text);
                Map<String, Schema> read = ModelConverters.getInstance(openApi.getSpecVersion() == SpecVersion.V31)
                        .readAll(new AnnotatedType(type));
                // An interface the class implements comes as an empty schema: nothing refers to it.
                read.forEach((component, schema) -> {
                    if (!empty(schema)) {
                        openApi.getComponents().addSchemas(component, schema);
                    }
                });
                String component = ModelConverters.getInstance(openApi.getSpecVersion() == SpecVersion.V31)
                        .read(new AnnotatedType(type))
                        .keySet()
                        .iterator()
                        .next();
                return new Schema<>().$ref("#/components/schemas/" + component);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(RESOURCE + " names no class " + text, e);
            }
        }
        return new Schema<>().$ref("#/components/schemas/" + text);
    }

    /** What follows from an operation's shape, for every operation alike. */
    private void derive(OpenAPI openApi, String key, Operation operation) {
        boolean command = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "Idempotency-Key".equals(p.getName()));
        JsonNode shared = docs.path("sharedResponses");
        problem(operation, "406", shared);
        if (operation.getRequestBody() != null) {
            problem(operation, "415", shared);
        }
        if (key.contains(" /api/campaigns/{")
                && !docs.path("notRebuilding").toString().contains('"' + key + '"')) {
            problem(operation, "503", shared);
        }
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("2") && command) {
                header(response, "Idempotent-Replayed");
            }
            if (status.startsWith("2") && paged(openApi, response)) {
                header(response, "Link");
            }
            if (status.equals("429") || status.equals("503")) {
                header(response, "Retry-After");
            }
            if (status.equals("412")) {
                header(response, "ETag");
            }
            if (status.equals("401")) {
                header(response, "WWW-Authenticate");
            }
            if (status.equals("415")) {
                header(response, "Accept");
            }
            if (status.startsWith("2")
                    && response.getContent() != null
                    && response.getContent().containsKey("text/csv")) {
                header(response, "Content-Disposition");
            }
        });
    }

    /** A problem+json answer of this status, described by {@code descriptions.status} (text, or its description). */
    private static void problem(Operation operation, String status, JsonNode descriptions) {
        JsonNode described = descriptions.path(status);
        String description = described.isTextual()
                ? described.asText()
                : described.path("description").asText();
        operation
                .getResponses()
                .computeIfAbsent(
                        status,
                        s -> new ApiResponse()
                                .description(description)
                                .content(new Content()
                                        .addMediaType(
                                                ProblemResponses.PROBLEM_JSON,
                                                new MediaType()
                                                        .schema(new Schema<>().$ref(ProblemResponses.PROBLEM_REF)))));
    }

    /** A page of a list: its JSON body has page, size and totalElements (PageLinks answers it with Link). */
    private static boolean paged(OpenAPI openApi, ApiResponse response) {
        if (response.getContent() == null || response.getContent().get("application/json") == null) {
            return false;
        }
        Schema<?> schema = response.getContent().get("application/json").getSchema();
        if (schema == null || schema.get$ref() == null) {
            return false;
        }
        Schema<?> target =
                openApi.getComponents().getSchemas().get(schema.get$ref().substring("#/components/schemas/".length()));
        return target != null
                && target.getProperties() != null
                && target.getProperties().keySet().containsAll(Set.of("page", "size", "totalElements"));
    }

    /** The {@code formats} of a component's properties where the class's types say less than its values are. */
    private static void constrain(Components components, String name, JsonNode spec, List<String> problems) {
        Schema<?> schema =
                components.getSchemas() == null ? null : components.getSchemas().get(name);
        spec.path("formats").fields().forEachRemaining(f -> {
            if (schema != null
                    && schema.getProperties() != null
                    && schema.getProperties().containsKey(f.getKey())) {
                schema.getProperties().get(f.getKey()).setFormat(f.getValue().asText());
            } else {
                problems.add(name + " has no property " + f.getKey());
            }
        });
    }

    private static boolean empty(Schema<?> schema) {
        return schema.getType() == null
                && schema.getTypes() == null
                && schema.getProperties() == null
                && schema.get$ref() == null
                && schema.getAllOf() == null
                && schema.getAnyOf() == null
                && schema.getOneOf() == null;
    }

    private static void header(ApiResponse response, String name) {
        if (response.getHeaders() == null) {
            response.setHeaders(new LinkedHashMap<>());
        }
        response.getHeaders().putIfAbsent(name, new Header().$ref(HEADERS + name));
    }

    private static Content content(ApiResponse response) {
        if (response.getContent() == null) {
            response.setContent(new Content());
        }
        return response.getContent();
    }

    private static <T> T convert(JsonNode node, Class<T> type) {
        return Yaml.mapper().convertValue(node, type);
    }
}
