package org.videochat.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.videochat.directory.People;

/** The home page's view of the signed-in user, and signing out. */
@Named
@RequestScoped
public class HomePage {

    @Inject
    SecurityContext security;

    @Inject
    People people;

    @Inject
    FacesContext faces;

    public String getDisplayName() {
        return people.displayName(security.getCallerPrincipal().getName());
    }

    public String getUsername() {
        return security.getCallerPrincipal().getName();
    }

    /** Ends the session; its signaling streams close with it (SessionEnd). */
    public void signOut() throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.logout();
        external.invalidateSession();
        external.redirect(request.getContextPath() + "/login.xhtml");
        faces.responseComplete();
    }
}
