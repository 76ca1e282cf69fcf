package org.posthorn.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.posthorn.web.console.security.ConsoleSession;

/** Who is signed in, for the page header, and signing out (a POST, so a link elsewhere cannot do it). */
@Named("consoleSession")
@RequestScoped
public class SessionBean {

    public String getAdmin() {
        return ConsoleSession.admin(request()).orElse(null);
    }

    public String signOut() {
        ConsoleSession.signOut(request());
        return "/admin/login?faces-redirect=true&signedOut=true";
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
