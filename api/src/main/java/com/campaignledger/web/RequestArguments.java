package com.campaignledger.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets a controller method take a {@link RequestContext} (who asks, for which account) or a {@link CommandRequest}
 * (the same, with what the idempotency of a command needs) as a parameter.
 */
@Configuration(proxyBeanMethods = false)
class RequestArguments implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                Class<?> type = parameter.getParameterType();
                return type == RequestContext.class || type == CommandRequest.class;
            }

            @Override
            public Object resolveArgument(
                    MethodParameter parameter,
                    ModelAndViewContainer mav,
                    NativeWebRequest web,
                    WebDataBinderFactory binders) {
                HttpServletRequest http = web.getNativeRequest(HttpServletRequest.class);
                return parameter.getParameterType() == RequestContext.class
                        ? RequestContext.of(http)
                        : CommandRequest.of(http);
            }
        });
    }
}
