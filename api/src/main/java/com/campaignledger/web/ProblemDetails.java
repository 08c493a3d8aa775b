package com.campaignledger.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

/**
 * The {@code detail} a REST row's problem gives for an error, for the ways in that are not HTTP rows (SOAP faults):
 * asked of the same {@code @ExceptionHandler}s, in the same order, so the words cannot drift apart.
 */
@Component
public class ProblemDetails {

    private final ApplicationContext context;
    private volatile List<ControllerAdviceBean> advices;

    ProblemDetails(ApplicationContext context) {
        this.context = context;
    }

    public String detail(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (advices == null) {
            advices = ControllerAdviceBean.findAnnotatedBeans(context);
        }
        for (ControllerAdviceBean advice : advices) {
            Method handler = new ExceptionHandlerMethodResolver(advice.getBeanType()).resolveMethodByThrowable(e);
            if (handler != null) {
                if (handler.getParameterCount() != 1 || !handler.getParameterTypes()[0].isInstance(e)) {
                    break; // Spring MVC's own exceptions: never thrown outside an HTTP row
                }
                return detail(invoke(handler, advice.resolveBean(), e));
            }
        }
        return "Unexpected error; nothing was acknowledged";
    }

    private static Object invoke(Method handler, Object advice, Throwable e) {
        try {
            handler.setAccessible(true);
            return handler.invoke(advice, e);
        } catch (IllegalAccessException | InvocationTargetException failed) {
            throw new IllegalStateException("exception handler failed", failed);
        }
    }

    private static String detail(Object answer) {
        Object body = answer instanceof ResponseEntity<?> entity ? entity.getBody() : answer;
        return body instanceof ProblemDetail problem && problem.getDetail() != null
                ? problem.getDetail()
                : "Unexpected error; nothing was acknowledged";
    }
}
