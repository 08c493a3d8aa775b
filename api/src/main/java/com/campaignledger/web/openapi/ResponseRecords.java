package com.campaignledger.web.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the schemas of the service's records cannot say by themselves: the API's mapper writes every property of a
 * record (inclusion {@code always}), so each is required in an answer, and one of a reference type may be
 * {@code null}. Remembers each record's properties as the schemas are read; {@link OperationDocs} marks the schemas
 * that only answers use (a request's fields stay as their validation says).
 */
final class ResponseRecords implements ModelConverter {

    /** A schema's properties: name, and whether it may be null. */
    private final Map<String, Map<String, Boolean>> properties = new ConcurrentHashMap<>();

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        JavaType java = Json.mapper().constructType(type.getType());
        Class<?> raw = java.getRawClass();
        String name = schema == null || schema.get$ref() == null
                ? (schema == null ? null : schema.getName())
                : schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
        if (name != null && raw.isRecord() && raw.getName().startsWith("com.campaignledger.")) {
            JsonInclude include = raw.getAnnotation(JsonInclude.class);
            boolean always = include == null || include.value() == JsonInclude.Include.ALWAYS;
            Map<String, Boolean> nullable = new ConcurrentHashMap<>();
            for (BeanPropertyDefinition property :
                    Json.mapper().getSerializationConfig().introspect(java).findProperties()) {
                boolean primitive = property.getRawPrimaryType().isPrimitive();
                if (always || primitive) {
                    nullable.put(property.getName(), !primitive);
                }
            }
            properties.put(name, nullable);
        }
        return schema;
    }

    /** Marks the schemas of records that only answers use: every property written is required, some nullable. */
    void mark(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        for (String name : answersOnly(openApi)) {
            Map<String, Boolean> written = properties.get(name);
            Schema<?> schema = schemas.get(name);
            if (written == null || schema == null || schema.getProperties() == null) {
                continue;
            }
            List<String> required = new ArrayList<>();
            schema.getProperties().forEach((property, value) -> {
                if (written.containsKey(property)) {
                    required.add(property);
                    if (written.get(property)) {
                        schema.getProperties().put(property, nullable(value));
                    }
                }
            });
            schema.setRequired(required);
        }
    }

    /** The schemas only answers use: those a success answer refers to, and no request body or parameter. */
    private static Set<String> answersOnly(OpenAPI openApi) {
        List<Object> answers = new ArrayList<>();
        List<Object> requests = new ArrayList<>();
        openApi.getPaths()
                .values()
                .forEach(item -> item.readOperations().forEach(operation -> {
                    requests.add(operation.getRequestBody() == null ? Map.of() : operation.getRequestBody());
                    requests.add(operation.getParameters() == null ? List.of() : operation.getParameters());
                    operation
                            .getResponses()
                            .forEach((status, response) -> (status.startsWith("2") ? answers : requests).add(response));
                }));
        Set<String> used = referred(openApi, answers);
        used.removeAll(referred(openApi, requests));
        return used;
    }

    /** The schemas these parts refer to, and those they refer to in turn. */
    static Set<String> referred(OpenAPI openApi, List<?> parts) {
        Set<String> names = new TreeSet<>();
        List<JsonNode> pending = new ArrayList<>(List.of(Json.mapper().valueToTree(parts)));
        while (!pending.isEmpty()) {
            for (String ref : pending.remove(pending.size() - 1).findValuesAsText("$ref")) {
                String name = ref.substring(ref.lastIndexOf('/') + 1);
                Schema<?> schema = openApi.getComponents().getSchemas().get(name);
                if (ref.startsWith("#/components/schemas/") && schema != null && names.add(name)) {
                    pending.add(Json.mapper().valueToTree(schema));
                }
            }
        }
        return names;
    }

    /** The schema, or null: a property that may be written as {@code null}. */
    static Schema<?> nullable(Schema<?> schema) {
        if (schema.get$ref() != null && schema.getSpecVersion() == SpecVersion.V31) {
            return new JsonSchema().anyOf(List.of(schema, new JsonSchema().types(Set.of("null"))));
        }
        if (schema.getTypes() != null) {
            schema.addType("null");
        } else {
            schema.setNullable(true);
        }
        return schema;
    }
}
