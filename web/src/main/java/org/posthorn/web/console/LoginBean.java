package org.posthorn.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import org.posthorn.ejb.auth.AuthenticatedAccount;
import org.posthorn.ejb.auth.Authenticator;
import org.posthorn.ejb.auth.LoginFailures;
import org.posthorn.ejb.auth.WebLoginThrottle;
import org.posthorn.web.console.security.ConsoleSession;

/**
 * The sign-in form: checked by the same {@link Authenticator} as the REST API and the mail protocols;
 * only an account with the ADMIN role gets in. A wrong password, an unknown login and a user without
 * the role get the same answer. Too many failed sign-ins from one address, or for one login, are refused
 * for a while without the password being checked ({@link WebLoginThrottle}).
 */
@Named
@RequestScoped
public class LoginBean {

    static final String SERVICE = "admin console";

    @Inject
    Authenticator authenticator;

    @Inject
    LoginFailures failures;

    @Inject
    WebLoginThrottle throttle;

    private String login;
    private String password;

    public String signIn() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        Optional<Duration> throttled = throttle.refusal(request.getRemoteAddr(), login);
        if (throttled.isPresent()) {
            password = null;
            failures.record(SERVICE, login, request.getRemoteAddr());
            Messages.refusal("Too many failed sign-ins. Try again in " + minutes(throttled.get()) + ".");
            return null;
        }
        Optional<AuthenticatedAccount> account = authenticator.authenticate(login, password)
                .filter(AuthenticatedAccount::isAdmin);
        password = null;
        if (account.isEmpty()) {
            throttle.failed(request.getRemoteAddr(), login);
            failures.record(SERVICE, login, request.getRemoteAddr());
            Messages.refusal("Wrong login or password, or not an administrator.");
            return null;
        }
        ConsoleSession.signIn(request, account.get().name());
        return "/admin/index?faces-redirect=true";
    }

    private static String minutes(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return minutes == 1 ? "a minute" : minutes + " minutes";
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
