package dev.statsigjdbc.driver.auth;

/** The saved sign-in cannot be renewed silently (refresh token revoked or expired, or none): the user must sign in again. */
public class ReauthorizationRequiredException extends OAuthException {
    public ReauthorizationRequiredException(String sourceName, String why) {
        super(why + "; run `statsig-sql sources add " + sourceName + "` again to sign in");
    }
}
