package com.campaignledger.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignledger.testsupport.ApiClient;
import com.campaignledger.testsupport.ApiClient.Response;
import com.campaignledger.web.CommandRequest;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document against the running service: every endpoint the controllers implement is in it, with
 * its problem+json answers; it is a valid OpenAPI document; its example bodies are accepted by the API.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties =
                // The same database as CampaignApiH2Test, so the two share one Spring context.
                "spring.datasource.url=jdbc:h2:mem:contract;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
class OpenApiDocumentTest {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    ApiClient api;
    JsonNode document;

    @BeforeEach
    void fetch() {
        api = new ApiClient(port);
        Response response = api.get("/v3/api-docs");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        document = response.json();
    }

    /** "POST /api/campaigns/{id}/control" for every verb of every /api mapping of the controllers. */
    private Set<String> implementedEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                assertThat(methods)
                        .as("%s should name its HTTP methods", pattern)
                        .isNotEmpty();
                // {id:\d+} is documented as {id}
                String path = pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
                methods.forEach(m -> endpoints.add(m.name() + " " + path));
            }
        }
        return endpoints;
    }

    private Set<String> documentedEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        document.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(verb -> {
                    if (Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace")
                            .contains(verb)) {
                        endpoints.add(verb.toUpperCase() + " " + path.getKey());
                    }
                }));
        return endpoints;
    }

    @Test
    void everyEndpointTheControllersImplementIsDocumented() {
        Set<String> implemented = implementedEndpoints();
        assertThat(implemented)
                .contains(
                        "POST /api/campaigns",
                        "GET /api/campaigns",
                        "GET /api/campaigns/{id}",
                        "PATCH /api/campaigns/{id}",
                        "POST /api/campaigns/{id}/control",
                        "DELETE /api/campaigns/{id}",
                        "DELETE /api/campaigns/{id}/transfer-numbers",
                        "DELETE /api/campaigns/{id}/questions",
                        "PUT /api/campaigns/{id}/dial-ratio",
                        "POST /api/campaigns/{id}/numbers");
        assertThat(implemented)
                .contains(
                        "POST /api/admin/accounts",
                        "GET /api/admin/accounts",
                        "GET /api/admin/accounts/{accountId}",
                        "POST /api/admin/accounts/{accountId}/disable",
                        "POST /api/admin/accounts/{accountId}/credentials",
                        "GET /api/admin/accounts/{accountId}/credentials",
                        "GET /api/admin/credentials/{login}",
                        "POST /api/admin/credentials/{login}/rotate",
                        "POST /api/admin/credentials/{login}/disable",
                        "GET /api/admin/security-audit");
        assertThat(implemented)
                .contains(
                        "GET /api/campaigns/{id}/stats",
                        "GET /api/campaigns/{id}/summary",
                        "GET /api/campaigns/{id}/agent-sessions",
                        "GET /api/agent-sessions",
                        "GET /api/agent-sessions/{id}");
        assertThat(implemented)
                .contains(
                        "GET /api/campaigns/{id}/history",
                        "GET /api/campaigns/{id}/reports/dispositions",
                        "GET /api/admin/processors",
                        "POST /api/admin/processors/{name}/replay");
        assertThat(implemented)
                .contains(
                        "POST /api/agents",
                        "GET /api/agents",
                        "GET /api/agents/{id}",
                        "PATCH /api/agents/{id}",
                        "DELETE /api/agents/{id}",
                        "POST /api/agent-groups",
                        "GET /api/agent-groups",
                        "GET /api/agent-groups/{id}",
                        "PATCH /api/agent-groups/{id}",
                        "DELETE /api/agent-groups/{id}",
                        "POST /api/agent-groups/{id}/agents",
                        "DELETE /api/agent-groups/{id}/agents/{agentId}",
                        "GET /api/campaigns/{campaignId}/roster",
                        "POST /api/campaigns/{campaignId}/roster/agents",
                        "DELETE /api/campaigns/{campaignId}/roster/agents/{agentId}",
                        "POST /api/campaigns/{campaignId}/roster/agent-groups",
                        "DELETE /api/campaigns/{campaignId}/roster/agent-groups/{groupId}",
                        "POST /api/campaigns/{campaignId}/invites",
                        "GET /api/campaigns/{campaignId}/invites/{agentId}");
        assertThat(documentedEndpoints()).containsAll(implemented);
    }

    /**
     * The request context and the command request are resolved from the servlet request, not sent by clients: they
     * are no parameter of any operation, and every operation that sends a command documents the Idempotency-Key
     * header and its 422 instead.
     */
    @Test
    void commandOperationsDocumentTheIdempotencyKeyAndNoResolvedArgument() {
        int commands = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping :
                mappings.getHandlerMethods().entrySet()) {
            boolean sendsCommands = Arrays.stream(mapping.getValue().getMethodParameters())
                    .anyMatch(p -> p.getParameterType() == CommandRequest.class);
            for (String pattern : mapping.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                String path = pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
                for (RequestMethod method :
                        mapping.getKey().getMethodsCondition().getMethods()) {
                    JsonNode operation =
                            document.path("paths").path(path).path(method.name().toLowerCase());
                    List<String> parameters = operation.path("parameters").findValuesAsText("name");
                    String endpoint = method + " " + path;
                    assertThat(parameters).as(endpoint).doesNotContain("context", "command");
                    if (sendsCommands) {
                        commands++;
                        assertThat(parameters).as(endpoint).contains(CommandRequest.IDEMPOTENCY_KEY_HEADER);
                        assertThat(operation.path("responses").has("422"))
                                .as(endpoint)
                                .isTrue();
                    }
                }
            }
        }
        assertThat(commands).as("operations that send a command").isGreaterThan(30);
    }

    @Test
    void httpBasicIsTheSecuritySchemeOfEveryOperation() {
        assertThat(document.at("/components/securitySchemes/basicAuth/type").asText())
                .isEqualTo("http");
        assertThat(document.at("/components/securitySchemes/basicAuth/scheme").asText())
                .isEqualTo("basic");
        assertThat(document.at("/security/0").has("basicAuth")).isTrue();
        assertThat(document.at(
                                "/paths/~1api~1campaigns/get/responses/401/content/application~1problem+json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(document.at("/paths/~1api~1admin~1accounts/get/responses/403")
                        .isMissingNode())
                .isFalse();
        assertThat(api.anonymous().get("/v3/api-docs").status()).isEqualTo(401);
    }

    @Test
    void everyOperationDocumentsItsProblemsAsProblemJson() {
        for (String endpoint : implementedEndpoints()) {
            String[] verbAndPath = endpoint.split(" ", 2);
            JsonNode operation = document.path("paths").path(verbAndPath[1]).path(verbAndPath[0].toLowerCase());
            JsonNode responses = operation.path("responses");
            List<String> expected = new ArrayList<>(List.of("500"));
            if (verbAndPath[1].contains("{")) {
                expected.add("404");
                expected.add("400");
            }
            if (operation.has("requestBody")) {
                expected.add("400");
                expected.add("413");
            }
            for (String status : expected) {
                assertThat(responses
                                .path(status)
                                .at("/content/application~1problem+json/schema/$ref")
                                .asText())
                        .as("%s answers %s as problem+json", endpoint, status)
                        .isEqualTo("#/components/schemas/Problem");
            }
            assertThat(responses.fieldNames())
                    .toIterable()
                    .as("%s has a success response", endpoint)
                    .anyMatch(code -> code.startsWith("2"));
        }
        JsonNode problem = document.at("/components/schemas/Problem/properties");
        assertThat(problem.fieldNames())
                .toIterable()
                .contains("type", "title", "status", "detail", "instance", "errors");
        assertThat(problem.at("/errors/items/$ref").asText()).isEqualTo("#/components/schemas/FieldError");
        assertThat(document.at("/components/schemas/FieldError/properties").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("field", "message");
    }

    /**
     * What a client generator needs of every operation: a stable operationId (no {@code list_1}), a declared tag
     * with a description, a summary and a description, each parameter described, and typed success bodies.
     */
    @Test
    void everyOperationIsDescribedForClientGenerators() {
        Set<String> tags = new TreeSet<>();
        document.path("tags").forEach(tag -> {
            assertThat(tag.path("description").asText()).as(tag.toString()).isNotBlank();
            tags.add(tag.path("name").asText());
        });
        Set<String> ids = new TreeSet<>();
        for (String endpoint : implementedEndpoints()) {
            String[] verbAndPath = endpoint.split(" ", 2);
            JsonNode operation = document.path("paths").path(verbAndPath[1]).path(verbAndPath[0].toLowerCase());
            String id = operation.path("operationId").asText();
            assertThat(id).as(endpoint).matches("[a-z][A-Za-z]+");
            assertThat(ids.add(id)).as("%s's id %s is unique", endpoint, id).isTrue();
            assertThat(operation.path("tags")).as(endpoint).hasSize(1);
            assertThat(tags).as(endpoint).contains(operation.path("tags").get(0).asText());
            assertThat(operation.path("summary").asText()).as(endpoint).isNotBlank();
            assertThat(operation.path("description").asText()).as(endpoint).isNotBlank();
            operation
                    .path("parameters")
                    .forEach(p -> assertThat(p.path("description").asText())
                            .as("%s: %s", endpoint, p.path("name"))
                            .isNotBlank());
            operation.path("responses").fields().forEachRemaining(r -> {
                assertThat(r.getValue().path("description").asText())
                        .as(endpoint)
                        .isNotBlank();
                r.getValue().path("content").fields().forEachRemaining(c -> {
                    JsonNode schema = c.getValue().path("schema");
                    assertThat(schema.has("$ref")
                                    || schema.has("items")
                                    || schema.path("type").asText().equals("string"))
                            .as("%s answers %s %s with a typed body: %s", endpoint, r.getKey(), c.getKey(), schema)
                            .isTrue();
                });
            });
        }
        assertThat(document.at("/paths/~1api~1campaigns/get/operationId").asText())
                .isEqualTo("listCampaigns");
        assertThat(document.at("/paths/~1api~1campaigns/post/responses/201/headers")
                        .fieldNames())
                .toIterable()
                .contains("Location", "ETag", "Idempotent-Replayed");
        assertThat(document.at("/paths/~1api~1campaigns/get/responses/200/headers/Link/$ref")
                        .asText())
                .isEqualTo("#/components/headers/Link");
        assertThat(document.at("/paths/~1api~1campaigns~1{campaignId}~1agents~1{agentId}~1connection/get/responses")
                        .fieldNames())
                .toIterable()
                .contains("200", "204");
        assertThat(document.at("/components/securitySchemes/inviteToken/scheme").asText())
                .isEqualTo("bearer");
        assertThat(document.at("/paths/~1api~1campaigns~1{id}~1numbers/post/requestBody/content")
                        .fieldNames())
                .toIterable()
                .contains("application/json", "text/csv");
    }

    /**
     * The API's mapper writes every property of an answer's record: each is required, and one of a reference type
     * may be null. A request's fields are as their validation says.
     */
    @Test
    void answersRequireWhatTheServiceAlwaysWrites() {
        JsonNode recorded = document.at("/components/schemas/CallRecordedResponse");
        assertThat(recorded.path("required").toString()).contains("\"callId\"", "\"attempt\"", "\"retryAt\"");
        assertThat(recorded.at("/properties/retryAt/type").toString()).contains("null");
        assertThat(recorded.at("/properties/attempt/type").asText()).isEqualTo("integer");
        assertThat(document.at("/components/schemas/CommandAccepted/required").toString())
                .contains("\"id\"", "\"version\"");
        assertThat(document.at("/components/schemas/CampaignFields/required").isMissingNode())
                .isTrue();
    }

    /** Two records of one simple name are two schemas, not one of them twice: the DNC list's numbers have reasons. */
    @Test
    void recordsOfTheSameNameKeepTheirOwnSchemas() {
        String body = document.at(
                        "/paths/~1api~1dnc-lists~1{id}~1numbers/post/requestBody/content/application~1json/schema/items/$ref")
                .asText();
        assertThat(document.at(body.substring(1) + "/properties").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("number", "reason");
        String page = document.at("/paths/~1api~1dnc-numbers/get/responses/200/content/application~1json/schema/$ref")
                .asText();
        assertThat(document.at(page.substring(1) + "/properties/content/items/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/NumberView");
    }

    /** The served document, for the CI's lint (.ci/run runs Redocly on it). */
    @Test
    void theServedDocumentIsWrittenForTheLint() throws IOException {
        Path file = Path.of("target", "openapi.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, document.toPrettyString());
        assertThat(file).isNotEmptyFile();
    }

    @Test
    void theDocumentIsValidOpenApi() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document.toString(), null, options);
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.");
        assertThat(parsed.getOpenAPI().getInfo().getTitle()).isEqualTo("Campaign Ledger API");
        assertThat(parsed.getOpenAPI().getInfo().getVersion()).isNotBlank();
        // The parser does not insist on these: every $ref names a schema that exists, every operation answers.
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertThat(refs)
                .isNotEmpty()
                .allSatisfy(ref -> assertThat(document.at(ref.substring(1)).isMissingNode())
                        .as("target of %s is missing", ref)
                        .isFalse());
        parsed.getOpenAPI()
                .getPaths()
                .forEach((path, item) -> item.readOperations()
                        .forEach(operation ->
                                assertThat(operation.getResponses()).as(path).isNotEmpty()));
    }

    /** Each problem answer shows an example of its status's kind of problem, at the operation's path. */
    @Test
    void everyProblemAnswerHasAnExampleOfItsKind() {
        List<String> without = new ArrayList<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue()
                        .fields()
                        .forEachRemaining(operation -> operation
                                .getValue()
                                .path("responses")
                                .fields()
                                .forEachRemaining(response -> {
                                    JsonNode example = response.getValue()
                                            .path("content")
                                            .path("application/problem+json")
                                            .path("example");
                                    if (response.getKey().matches("[45]\\d\\d")
                                            && (example.path("status").asInt() != Integer.parseInt(response.getKey())
                                                    || !example.path("type")
                                                            .asText()
                                                            .startsWith("/problems/")
                                                    || example.path("code")
                                                            .asText()
                                                            .isEmpty())) {
                                        without.add(operation.getKey() + " " + path.getKey() + " " + response.getKey());
                                    }
                                })));
        assertThat(without).isEmpty();
    }

    /** Each JSON body an operation reads has a realistic example (Redocly's lint checks it against the schema). */
    @Test
    void everyRequestBodyHasAnExample() {
        List<String> without = new ArrayList<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue()
                        .fields()
                        .forEachRemaining(operation -> operation
                                .getValue()
                                .path("requestBody")
                                .path("content")
                                .fields()
                                .forEachRemaining(media -> {
                                    if (media.getKey().contains("json") && !exemplified(media.getValue())) {
                                        without.add(operation.getKey() + " " + path.getKey() + " " + media.getKey());
                                    }
                                })));
        assertThat(without).isEmpty();
    }

    private boolean exemplified(JsonNode media) {
        if (media.has("example") || media.has("examples")) {
            return true;
        }
        JsonNode schema = media.path("schema");
        if (schema.has("$ref")) {
            schema = document.at(
                    "/components/schemas/" + schema.get("$ref").asText().replace("#/components/schemas/", ""));
        }
        if (schema.has("items")) {
            schema = schema.get("items");
            if (schema.has("$ref")) {
                schema = document.at(
                        "/components/schemas/" + schema.get("$ref").asText().replace("#/components/schemas/", ""));
            }
        }
        if (schema.has("example")) {
            return true;
        }
        for (JsonNode property : schema.path("properties")) {
            if (property.has("example")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void createAndUpdateBodiesAreDescribedAndTheirExamplesAreAccepted() {
        JsonNode create = document.at("/paths/~1api~1campaigns/post/requestBody/content/application~1json");
        assertThat(create.at("/schema/$ref").asText()).isEqualTo("#/components/schemas/CampaignFields");
        JsonNode fields = document.at("/components/schemas/CampaignFields/properties");
        assertThat(fields.fieldNames())
                .toIterable()
                .contains(
                        "name",
                        "localRestrictBegin",
                        "localRestrictEnd",
                        "script",
                        "questions",
                        "transferNumbers",
                        "fromNumber",
                        "retryConfig",
                        "multilineDialingRatio",
                        "labels",
                        "passcode",
                        "dispositionLists",
                        "numbers",
                        "requestId");
        assertThat(fields.at("/fromNumber/type").asText()).isEqualTo("string");
        assertThat(fields.at("/fromNumber/example").isTextual()).isTrue();
        JsonNode seed = first(create.get("examples")).get("value");
        assertThat(seed.get("name").asText()).isEqualTo("Test Broadcast Service (text to speech)");

        Response created = api.post("/api/campaigns", seed.toString());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();

        JsonNode update = document.at("/paths/~1api~1campaigns~1{id}/patch/requestBody/content/application~1json");
        assertThat(update.at("/schema/$ref").asText()).isEqualTo("#/components/schemas/CampaignFields");
        Response patched = api.patch(
                "/api/campaigns/" + id,
                first(update.get("examples")).get("value").toString(),
                Map.of());
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);

        JsonNode numbers =
                document.at("/paths/~1api~1campaigns~1{id}~1numbers/post/requestBody/content/application~1json");
        Response added = api.post(
                "/api/campaigns/" + id + "/numbers",
                first(numbers.get("examples")).get("value").toString());
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.json().get("added").asInt()).isEqualTo(2);
    }

    @Test
    void responsesNeverShowThePasscodeHash() {
        assertThat(document.at("/components/schemas/CampaignResponse/properties")
                        .fieldNames())
                .toIterable()
                .contains("id", "status", "name", "passcodeSet", "version")
                .doesNotContain("passcodeHash");
    }

    @Test
    void swaggerUiIsServed() {
        Response ui = api.get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("Swagger UI");
        assertThat(api.get("/swagger-ui.html").status()).isEqualTo(302);
    }

    private static JsonNode first(JsonNode examples) {
        assertThat(examples).as("examples").isNotNull();
        Iterator<JsonNode> values = examples.elements();
        assertThat(values.hasNext()).isTrue();
        return values.next();
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
