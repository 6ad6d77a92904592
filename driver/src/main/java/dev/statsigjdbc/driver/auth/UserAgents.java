package dev.statsigjdbc.driver.auth;

import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three ways to the authorization page: {@code system} (the desktop browser), {@code print} (show the link and
 * wait) and {@code direct} (fetch it without a browser, for auto-approving servers in tests and CI).
 */
public final class UserAgents {
    private static final Logger LOG = LoggerFactory.getLogger(UserAgents.class);
    private static final Duration XDG_OPEN_VERDICT = Duration.ofSeconds(3);

    private UserAgents() {
    }

    /** By name as in the {@code browser} connection property: system, print or direct; null picks the default. */
    public static UserAgent named(String name, HttpTransport http, PrintStream console) {
        String mode = name == null ? (GraphicsEnvironment.isHeadless() ? "print" : "system") : name.toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "system" -> system(console, System.getenv());
            case "print" -> print(console);
            case "direct" -> direct(http);
            default -> throw new OAuthException("Unknown browser mode '" + name + "'; use system, print or direct");
        };
    }

    /**
     * Opens the system browser (java.awt.Desktop, else xdg-open); prints the link if neither works, as on a machine
     * without a desktop ({@code environment} has no display), so that the sign-in never waits silently.
     */
    static UserAgent system(PrintStream console, Map<String, String> environment) {
        UserAgent fallback = print(console);
        return (authorizationUrl, redirectUri) -> {
            if (hasDesktop(environment) && browse(authorizationUrl)) {
                console.println("A browser window opened to sign in. If it did not, open this link: " + authorizationUrl);
            } else {
                console.println("No browser could be opened on this machine (no desktop, or none that java.awt or xdg-open can use).");
                fallback.open(authorizationUrl, redirectUri);
            }
        };
    }

    public static UserAgent print(PrintStream console) {
        return (authorizationUrl, redirectUri) -> {
            console.println("Open this link in a browser on this machine to sign in:");
            console.println(authorizationUrl);
            console.println("Waiting for the sign-in to finish at " + redirectUri + " ...");
        };
    }

    /**
     * Fetches the authorization URL without following redirects and, when the server approves at once, follows
     * its {@code Location} to the loopback receiver, as a browser would.
     */
    public static UserAgent direct(HttpTransport http) {
        return (authorizationUrl, redirectUri) -> {
            HTTPResponse response = http.get(authorizationUrl, "text/html", "authorization endpoint");
            String location = response.getHeaderValue("Location");
            int status = response.getStatusCode();
            if (status == 400 || status == 401) {
                throw new ClientRejectedException("The authorization endpoint " + HttpTransport.withoutQuery(authorizationUrl) + " refused the request (HTTP "
                        + status + "): it does not accept the client or its redirect URI");
            }
            if (status / 100 != 3 || location == null) {
                throw new OAuthException("The authorization endpoint " + HttpTransport.withoutQuery(authorizationUrl) + " answered HTTP " + status
                        + " instead of redirecting back at once: it needs a person to sign in; use browser=system or browser=print");
            }
            URI target = authorizationUrl.resolve(location);
            if (!HttpTransport.withoutQuery(target).equals(redirectUri.toString())) {
                throw new OAuthException("The authorization endpoint redirected to " + HttpTransport.withoutQuery(target)
                        + " instead of back to " + redirectUri + ": it needs a person to sign in; use browser=system or browser=print");
            }
            http.get(target, "text/html", "loopback redirect receiver");
        };
    }

    /** Linux and other X11/Wayland systems need a display; macOS and Windows always have a desktop session to ask. */
    private static boolean hasDesktop(Map<String, String> environment) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.startsWith("mac") || os.startsWith("windows") || environment.containsKey("DISPLAY") || environment.containsKey("WAYLAND_DISPLAY");
    }

    private static boolean browse(URI uri) {
        try {
            if (!GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(uri);
                return true;
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            LOG.debug("java.awt.Desktop cannot open a browser: {}", e.toString());
        }
        try {
            Process process = new ProcessBuilder("xdg-open", uri.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            // xdg-open hands the link over and exits, 0 when a browser took it; one that stays is the browser itself.
            return !process.waitFor(XDG_OPEN_VERDICT.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() == 0;
        } catch (IOException e) {
            LOG.debug("xdg-open is not available: {}", e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
