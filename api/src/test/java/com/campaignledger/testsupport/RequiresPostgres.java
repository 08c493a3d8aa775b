package com.campaignledger.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that needs PostgreSQL. Without a server it is skipped on a developer's machine,
 * but fails in CI ({@code CI=true}): there a skipped database test would hide a broken wiring.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgres.Condition.class)
public @interface RequiresPostgres {

    class Condition implements ExecutionCondition {

        /** The same decision inside a test method: skips it (or fails it in CI) without PostgreSQL. */
        public static void check() {
            ConditionEvaluationResult result = new Condition().evaluateExecutionCondition(null);
            org.junit.jupiter.api.Assumptions.assumeFalse(
                    result.isDisabled(), result.getReason().orElse(""));
        }

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (PostgresTestDatabase.available()) {
                return ConditionEvaluationResult.enabled("PostgreSQL is available");
            }
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but no PostgreSQL can be reached (no Docker, nothing on "
                        + "localhost:5432): the PostgreSQL tests must run in CI");
            }
            return ConditionEvaluationResult.disabled("no PostgreSQL server (start one, or run Docker)");
        }
    }
}
