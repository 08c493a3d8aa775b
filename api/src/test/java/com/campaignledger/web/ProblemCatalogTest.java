package com.campaignledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignledger.kernel.problem.ProblemType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/errors.md is the catalogue of {@link ProblemType}: a row per kind, with its type, status, code and title. */
class ProblemCatalogTest {

    private static final Pattern ROW = Pattern.compile(
            "^\\| `/problems/([a-z-]+)` \\| (\\d+|any) \\| `([A-Z_]+)` \\| ([^|]+) \\|", Pattern.MULTILINE);

    @Test
    void theCatalogueListsEveryKindOfProblemAsTheServiceAnswersIt() throws IOException {
        String catalogue = Files.readString(Path.of("..", "docs", "errors.md"));
        List<String> documented =
                ROW.matcher(catalogue).results().map(m -> m.group()).toList();
        List<String> answered = Arrays.stream(ProblemType.values())
                .map(t -> "| `" + t.uri() + "` | " + (t.status() == 0 ? "any" : t.status()) + " | `" + t.name() + "` | "
                        + t.title() + " |")
                .toList();
        assertThat(documented).containsExactlyElementsOf(answered);
    }

    @Test
    void aKindIsFoundByItsSlugAndAStatusWithoutOneIsAnHttpError() {
        assertThat(ProblemType.bySlug("illegal-transition")).contains(ProblemType.ILLEGAL_TRANSITION);
        assertThat(ProblemType.forStatus(405)).isEqualTo(ProblemType.METHOD_NOT_ALLOWED);
        assertThat(ProblemType.forStatus(418)).isEqualTo(ProblemType.HTTP_ERROR);
        assertThat(Problems.of(ProblemType.ILLEGAL_TRANSITION, "x").getProperties())
                .containsEntry("code", "ILLEGAL_TRANSITION");
    }
}
