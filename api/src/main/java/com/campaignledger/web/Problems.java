package com.campaignledger.web;

import com.campaignledger.kernel.problem.ProblemType;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Problems as RFC 9457 bodies: each of a {@link ProblemType}, with its type URI, title and {@code code}. */
public final class Problems {

    private Problems() {}

    /** A problem of this kind with the detail that explains this occurrence. */
    public static ProblemDetail of(ProblemType type, String detail) {
        return typed(ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(type.status()), detail), type);
    }

    /** Gives a problem a kind (its status's, if it has none) and the code; leaves one that has both as it is. */
    public static ProblemDetail typed(ProblemDetail problem) {
        if (problem.getProperties() != null && problem.getProperties().containsKey("code")) {
            return problem;
        }
        ProblemType type = "about:blank".equals(String.valueOf(problem.getType()))
                ? ProblemType.forStatus(problem.getStatus())
                : ProblemType.bySlug(String.valueOf(problem.getType()).replaceFirst("^/problems/", ""))
                        .orElse(ProblemType.HTTP_ERROR);
        return typed(problem, type);
    }

    private static ProblemDetail typed(ProblemDetail problem, ProblemType type) {
        problem.setType(type.uri());
        if (type != ProblemType.HTTP_ERROR) {
            problem.setTitle(type.title());
        }
        problem.setProperty("code", type.name());
        return problem;
    }
}
