package dev.statsigjdbc.driver.auth;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Bearer challenge of a {@code WWW-Authenticate} header (RFC 6750, RFC 9728): {@code error},
 * {@code scope} and {@code resource_metadata}. Other schemes in the same header are skipped.
 */
public record BearerChallenge(String error, String scope, String resourceMetadata) {
    public static final String INVALID_TOKEN = "invalid_token";
    public static final String INSUFFICIENT_SCOPE = "insufficient_scope";

    /** The Bearer challenge in {@code header}, or empty when there is none (or the header is null). */
    public static Optional<BearerChallenge> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Tokenizer in = new Tokenizer(header);
        while (in.more()) {
            String scheme = in.token();
            if (scheme.isEmpty()) {
                in.skip();
                continue;
            }
            Map<String, String> params = in.params();
            if (scheme.equalsIgnoreCase("Bearer")) {
                return Optional.of(new BearerChallenge(params.get("error"), params.get("scope"), params.get("resource_metadata")));
            }
        }
        return Optional.empty();
    }

    /** Hand-written because the header's grammar (RFC 9110 section 11.6.1) mixes schemes, tokens and quoted strings. */
    private static final class Tokenizer {
        private final String s;
        private int i;

        Tokenizer(String s) {
            this.s = s;
        }

        boolean more() {
            spaces();
            return i < s.length();
        }

        void skip() {
            i++;
        }

        String token() {
            spaces();
            int start = i;
            while (i < s.length() && " \t,=\"".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            return s.substring(start, i);
        }

        /** Reads {@code name=value} pairs up to the next scheme. */
        Map<String, String> params() {
            Map<String, String> params = new LinkedHashMap<>();
            while (true) {
                spaces();
                while (i < s.length() && s.charAt(i) == ',') {
                    i++;
                    spaces();
                }
                int mark = i;
                String name = token();
                spaces();
                if (name.isEmpty() || i >= s.length() || s.charAt(i) != '=') {
                    i = mark; // a new scheme (or the end): leave it for the caller
                    return params;
                }
                i++;
                spaces();
                params.put(name.toLowerCase(Locale.ROOT), i < s.length() && s.charAt(i) == '"' ? quoted() : token());
            }
        }

        private String quoted() {
            StringBuilder value = new StringBuilder();
            i++;
            while (i < s.length() && s.charAt(i) != '"') {
                if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                    i++;
                }
                value.append(s.charAt(i++));
            }
            i++;
            return value.toString();
        }

        private void spaces() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
        }
    }
}
