package dev.statsigjdbc.driver.auth;

import java.net.URI;

/** How the user reaches the authorization page: see {@link UserAgents} for the strategies. */
@FunctionalInterface
public interface UserAgent {
    /** Starts the visit to {@code authorizationUrl}; the result arrives at {@code redirectUri}. */
    void open(URI authorizationUrl, URI redirectUri);
}
