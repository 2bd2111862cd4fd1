package org.videochat.signaling.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.videochat.security.SignIn;

/** Signing out (or a session timing out) closes the signaling streams that session opened. */
@WebListener
public class SessionEnd implements HttpSessionListener {

    @Inject
    OpenStreams streams;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        Object key = event.getSession().getAttribute(SignIn.SESSION_KEY);
        if (key != null) {
            streams.closeSession(key.toString());
        }
    }
}
