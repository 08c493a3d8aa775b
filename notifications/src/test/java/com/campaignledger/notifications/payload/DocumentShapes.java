package com.campaignledger.notifications.payload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** Compares documents by structure: names, nesting and value types, never by their text. */
final class DocumentShapes {

    static final ObjectMapper JSON = new ObjectMapper();

    private DocumentShapes() {}

    static String seed(String name) {
        try (InputStream in = DocumentShapes.class.getResourceAsStream("/seeds/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** Parses namespace-aware; fails the test when the document is not well-formed. */
    static Element xml(String text) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
            return doc.getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + text, e);
        }
    }

    /**
     * Every field of {@code ours} is in {@code seed} with the same JSON type, recursively, and every field of the
     * seed is in ours, except those {@code notApplicable} (things the ledger does not have, such as billing).
     */
    static void assertSameJsonShape(String path, JsonNode seed, JsonNode ours, Set<String> notApplicable) {
        assertThat(ours.getNodeType()).as(path + " type").isEqualTo(seed.getNodeType());
        if (seed.isObject()) {
            for (Iterator<String> it = seed.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!notApplicable.contains(field)) {
                    assertThat(ours.has(field))
                            .as(path + "/" + field + " present")
                            .isTrue();
                    assertSameJsonShape(path + "/" + field, seed.get(field), ours.get(field), notApplicable);
                }
            }
            for (Iterator<String> it = ours.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!notApplicable.contains(field)) {
                    assertThat(seed.has(field))
                            .as(path + "/" + field + " is a field of the seed")
                            .isTrue();
                }
            }
        } else if (seed.isArray() && !seed.isEmpty() && !ours.isEmpty()) {
            assertSameJsonShape(path + "[0]", seed.get(0), ours.get(0), notApplicable);
        }
    }

    /** The child elements of an element, in order. */
    static List<Element> children(Element e) {
        List<Element> children = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                children.add(child);
            }
        }
        return children;
    }

    static List<String> childNames(Element e) {
        return children(e).stream()
                .map(c -> c.getLocalName() == null ? c.getTagName() : c.getLocalName())
                .toList();
    }

    static Element child(Element e, String name) {
        return children(e).stream()
                .filter(c -> name.equals(c.getLocalName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no <" + name + "> in <" + e.getLocalName() + ">"));
    }

    /**
     * Our element has the seed's child elements in the seed's order (less {@code absent}), each a leaf where the
     * seed's is a leaf and with the same nesting where it is not.
     */
    static void assertSameXmlShape(String path, Element seed, Element ours, Set<String> absent) {
        assertThat(ours.getLocalName()).as(path).isEqualTo(seed.getLocalName());
        List<String> expected = childNames(seed).stream()
                .filter(n -> !absent.contains(n))
                .distinct()
                .toList();
        assertThat(childNames(ours).stream().distinct().toList())
                .as(path + " children")
                .isEqualTo(expected);
        for (Element seedChild : children(seed)) {
            if (absent.contains(seedChild.getLocalName())) {
                continue;
            }
            Element ourChild = child(ours, seedChild.getLocalName());
            for (int i = 0; i < seedChild.getAttributes().getLength(); i++) {
                String attribute = seedChild.getAttributes().item(i).getNodeName();
                assertThat(ourChild.hasAttribute(attribute))
                        .as(path + "/" + seedChild.getLocalName() + "@" + attribute)
                        .isTrue();
            }
            if (children(seedChild).isEmpty()) {
                assertThat(children(ourChild))
                        .as(path + "/" + seedChild.getLocalName() + " is a leaf")
                        .isEmpty();
            } else if (!children(ourChild).isEmpty()) {
                assertSameXmlShape(path + "/" + seedChild.getLocalName(), seedChild, ourChild, absent);
            }
        }
    }

    /**
     * An XML notification and its JSON twin carry the same names and nesting: JSON's {@code "@id"} is the XML
     * {@code id} attribute, a JSON array is a repeated element, a JSON object an element with children.
     */
    static void assertXmlMatchesJson(String path, Element xml, JsonNode json) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            JsonNode value = json.get(field);
            if (field.startsWith("@")) {
                assertThat(xml.getAttribute(field.substring(1)))
                        .as(path + "@" + field)
                        .isEqualTo(value.asText());
                continue;
            }
            if (value.isArray()) {
                value.forEach(v -> names.add(field));
            } else {
                names.add(field);
            }
        }
        assertThat(childNames(xml)).as(path + " children").isEqualTo(names);
        for (Element child : children(xml)) {
            JsonNode value = json.get(child.getLocalName());
            if (value.isObject()) {
                assertXmlMatchesJson(path + "/" + child.getLocalName(), child, value);
            } else if (!value.isArray()) {
                assertThat(child.getTextContent())
                        .as(path + "/" + child.getLocalName())
                        .isEqualTo(value.asText());
            }
        }
    }
}
