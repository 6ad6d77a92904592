package dev.statsigjdbc.cli;

import java.util.List;
import org.eclipse.jetty.security.ConstraintMapping;
import org.eclipse.jetty.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.util.security.Constraint;
import org.eclipse.jetty.util.security.Password;

/** Jetty's own HTTP basic auth around every path of the serve process: one user, from {@link ServeCredentials}. */
final class ServeBasicAuth {
  static final String REALM = "statsig-sql";
  private static final String ROLE = "reader";

  private ServeBasicAuth() {}

  static Handler around(Handler inner, ServeCredentials credentials) {
    UserStore users = new UserStore();
    users.addUser(credentials.user(), new Password(credentials.password()), new String[] {ROLE});
    HashLoginService login = new HashLoginService(REALM);
    login.setUserStore(users);

    Constraint constraint = new Constraint(Constraint.__BASIC_AUTH, ROLE);
    constraint.setAuthenticate(true);
    ConstraintMapping everything = new ConstraintMapping();
    everything.setPathSpec("/*");
    everything.setConstraint(constraint);

    ConstraintSecurityHandler security = new ConstraintSecurityHandler();
    security.setAuthenticator(new BasicAuthenticator());
    security.setRealmName(REALM);
    security.setLoginService(login);
    security.setConstraintMappings(List.of(everything));
    security.setHandler(inner);
    return security;
  }
}
