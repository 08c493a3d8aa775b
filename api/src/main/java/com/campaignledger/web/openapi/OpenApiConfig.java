package com.campaignledger.web.openapi;

import com.campaignledger.web.CommandRequest;
import com.campaignledger.web.RequestContext;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): springdoc reads the
 * controllers; this adds what it cannot know, the service's description and the problem+json errors.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    static {
        // Resolved from the servlet request (RequestArguments), not sent by a client as such.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(RequestContext.class, CommandRequest.class);
    }

    static final String DESCRIPTION = """
            An event-sourced ledger for outbound call-center (CCC) campaigns, modelled on CallFire's CccService.
            Every change is a domain event kept for ever: `GET /api/campaigns/{id}?asOf=` rebuilds a campaign as it \
            was at any instant.

            Errors are RFC 9457 `application/problem+json`; invalid input lists each offending field in `errors`, \
            and a refused request writes nothing. Commands accept an `Idempotency-Key` header (or a `requestId` \
            field): a repeat returns the first response and writes nothing. Mutations answer with the new \
            version in `ETag` and honour `If-Match`.""";

    @Bean
    public OpenAPI ledgerOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info()
                        .title("Campaign Ledger API")
                        .description(DESCRIPTION)
                        .version(properties == null ? "dev" : properties.getVersion()))
                .servers(List.of(new Server().url("/").description("This service: paths are relative to its address")))
                .components(new Components());
    }

    /** Every operation that sends a command takes an {@code Idempotency-Key} header. */
    @Bean
    public OperationCustomizer idempotencyKeyHeader() {
        return (operation, handler) -> {
            if (Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.getParameterType() == CommandRequest.class)) {
                operation.addParametersItem(new HeaderParameter()
                        .name(CommandRequest.IDEMPOTENCY_KEY_HEADER)
                        .required(false)
                        .schema(new StringSchema().maxLength(255))
                        .description("Makes the command idempotent: a repeat with the same key returns the first "
                                + "response and writes nothing (CallFire's RequestId)"));
            }
            return operation;
        };
    }

    /** The Problem schema, and on every operation the problem responses its shape says it can give. */
    @Bean
    public OpenApiCustomizer problemResponses() {
        return openApi -> {
            ModelConverters.getInstance(openApi.getSpecVersion() == SpecVersion.V31)
                    .readAll(new AnnotatedType(Problem.class))
                    .forEach(openApi.getComponents()::addSchemas);
            ProblemResponses.addTo(openApi);
        };
    }

    /**
     * Tags, operationIds, summaries, descriptions, success statuses and headers from {@code openapi/operations.yaml}.
     * Declared after the customizers whose responses it completes (their beans are registered first).
     */
    @Bean
    public OpenApiCustomizer operationDocs(ResponseRecords records) {
        return new OperationDocs(records);
    }

    /** Read by springdoc's schema reader (a ModelConverter bean): which records' properties are written always. */
    @Bean
    ResponseRecords responseRecords() {
        return new ResponseRecords();
    }

    /**
     * The API's mapper never writes a campaign's passcode hash (a mix-in in {@code JacksonConfig}); the schema
     * generator has a mapper of its own, so the document is told the same here.
     */
    @Bean
    public OpenApiCustomizer passcodeHashStaysHidden() {
        return openApi -> openApi.getComponents().getSchemas().values().forEach(schema -> {
            if (schema.getProperties() != null) {
                schema.getProperties().remove("passcodeHash");
            }
        });
    }
}
