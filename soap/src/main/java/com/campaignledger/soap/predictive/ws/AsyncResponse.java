package com.campaignledger.soap.predictive.ws;

import jakarta.xml.ws.Response;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A completed answer as JAX-WS hands it to an {@code AsyncHandler}: the fault a failure carries is its cause. */
final class AsyncResponse<T> implements Response<T> {

    private final CompletableFuture<T> answer;

    AsyncResponse(CompletableFuture<T> answer) {
        this.answer = answer;
    }

    @Override
    public Map<String, Object> getContext() {
        return Map.of();
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return false;
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public boolean isDone() {
        return answer.isDone();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            throw unwrapped(e);
        }
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return answer.get(timeout, unit);
        } catch (ExecutionException e) {
            throw unwrapped(e);
        }
    }

    /** CXF makes the fault from the cause: the fault itself, not the wrapper that carried it out of the future. */
    private static ExecutionException unwrapped(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause != null && cause.getCause() instanceof PredictiveServiceException fault) {
            return new ExecutionException(fault.getMessage(), fault);
        }
        return e;
    }
}
