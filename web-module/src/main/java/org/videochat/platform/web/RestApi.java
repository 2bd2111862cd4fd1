package org.videochat.platform.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API and the signaling stream live under {@code /api}. */
@ApplicationPath("api")
public class RestApi extends Application {
}
