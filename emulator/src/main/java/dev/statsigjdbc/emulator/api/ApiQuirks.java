package dev.statsigjdbc.emulator.api;

/**
 * Shape quirks of the real Console API that its OpenAPI examples show, each behind a switch so
 * that clients can be tested against both forms.
 *
 * @param snakeCasePulseResults experiment pulse results with snake_case keys ({@code percent_change},
 *     {@code p_value}, {@code test_units}) as in the spec's example, instead of the schema's camelCase
 * @param gateRulesWrapped gate rules as {@code data: {rules: [...]}} (spec example) instead of a bare array
 * @param nextPageStyle how {@code pagination.nextPage} is written
 */
public record ApiQuirks(boolean snakeCasePulseResults, boolean gateRulesWrapped, NextPageStyle nextPageStyle) {

  /** The forms of {@code pagination.nextPage} seen in the spec's examples. */
  public enum NextPageStyle {
    /** {@code /console/v1/experiments?page=2&limit=100} */
    RELATIVE_PATH,
    /** {@code statsigapi.net/console/v1/experiments?page=2&limit=100} (host, no scheme) */
    HOST_WITHOUT_SCHEME,
    /** always null, even when more pages exist: clients must page by number and stop on a short page */
    ALWAYS_NULL
  }

  /** The spec's own examples: snake_case pulse results, wrapped gate rules, relative next page. */
  public static ApiQuirks specExamples() {
    return new ApiQuirks(true, true, NextPageStyle.RELATIVE_PATH);
  }

  /** The spec's schemas: camelCase everywhere, bare arrays. */
  public static ApiQuirks schemaConformant() {
    return new ApiQuirks(false, false, NextPageStyle.RELATIVE_PATH);
  }
}
