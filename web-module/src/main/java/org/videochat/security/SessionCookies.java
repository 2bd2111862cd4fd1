package org.videochat.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Behind a TLS-terminating proxy the application sees plain HTTP and would send the session
 * cookie without {@code Secure}: {@code videochat.http.secure-cookies=true} marks it Secure (the
 * cookie is already HttpOnly and SameSite=Lax by web.xml).
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        boolean secure = ConfigProvider.getConfig().getValue("videochat.http.secure-cookies", Boolean.class);
        if (secure) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }
}
