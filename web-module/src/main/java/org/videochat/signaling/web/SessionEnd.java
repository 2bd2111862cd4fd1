package org.videochat.signaling.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** Signing out (or a session timing out) closes the signaling streams that session opened. */
@WebListener
public class SessionEnd implements HttpSessionListener {

    @Inject
    SignalingStream stream;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        stream.closeSession(event.getSession().getId());
    }
}
