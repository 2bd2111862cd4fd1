package org.videochat.platform.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The REST API and the signaling stream live under {@code /api}. The OpenAPI document is served
 * at {@code /openapi} (signed-in users only).
 */
@ApplicationPath("api")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "videochat",
                        version = "1",
                        description =
                                "Call signaling for intranet video calls. Commands are REST; events arrive on GET /api/events (Server-Sent Events). See docs/signaling.md. "
                                        + "Every command under /api/calls accepts an Idempotency-Key header: a client-chosen id (e.g. a UUID, at most 100 characters). "
                                        + "Repeating a command with the same key answers what the first one answered (header Idempotency-Replayed: true) instead of running it again; "
                                        + "the same key with a different request is refused with 422 idempotency-key-reused. Keys are kept for videochat.commands.idempotency-hours."))
public class RestApi extends Application {}
