package com.campaignledger.web;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.lang.reflect.Type;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.xml.MappingJackson2XmlHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * XML only for the documents that are XML by contract, those with a {@link JacksonXmlRootElement} (seed 001's
 * campaign-finished summary); every other answer is JSON. A browser asks for {@code application/xhtml+xml} and
 * {@code application/xml;q=0.9} before {@code *}{@code /*;q=0.8}: with Jackson's XML module on the class path it
 * got a campaign as {@code <CampaignResponse>}. It takes the place of Spring's own XML converter (same mapper
 * settings), which would otherwise write any answer.
 */
class XmlDocumentConverter extends MappingJackson2XmlHttpMessageConverter {

    XmlDocumentConverter(Jackson2ObjectMapperBuilder builder) {
        super(builder.createXmlMapper(true).build());
    }

    /** In the place of each of Spring's XML converters, one that writes only XML documents. */
    @Configuration(proxyBeanMethods = false)
    static class Registration implements WebMvcConfigurer {

        private final ObjectProvider<Jackson2ObjectMapperBuilder> builders;

        Registration(ObjectProvider<Jackson2ObjectMapperBuilder> builders) {
            this.builders = builders;
        }

        @Override
        public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
            converters.replaceAll(c -> c.getClass() == MappingJackson2XmlHttpMessageConverter.class
                    ? new XmlDocumentConverter(builders.getObject())
                    : c);
        }
    }

    @Override
    public boolean canRead(Class<?> clazz, MediaType mediaType) {
        return document(clazz) && super.canRead(clazz, mediaType);
    }

    @Override
    public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
        return document(ResolvableType.forType(type).resolve()) && super.canRead(type, contextClass, mediaType);
    }

    @Override
    public boolean canWrite(Class<?> clazz, MediaType mediaType) {
        return document(clazz) && super.canWrite(clazz, mediaType);
    }

    @Override
    public boolean canWrite(Type type, Class<?> clazz, MediaType mediaType) {
        return document(clazz) && super.canWrite(type, clazz, mediaType);
    }

    @Override
    public List<MediaType> getSupportedMediaTypes(Class<?> clazz) {
        return document(clazz) ? super.getSupportedMediaTypes(clazz) : List.of();
    }

    private static boolean document(Class<?> type) {
        return type != null && type.isAnnotationPresent(JacksonXmlRootElement.class);
    }
}
