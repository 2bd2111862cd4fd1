package org.videochat.admin.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.videochat.admin.cdc.ChangeCapturePipeline;
import org.videochat.security.OperatorsOnly;

/** Operators' view of change data capture (see {@link ChangeCapturePipeline}). Role {@code admin} only. */
@Path("admin/cdc")
@RequestScoped
@OperatorsOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Operators only (role admin)")
@APIResponse(responseCode = "403", description = "Not an administrator")
public class AdminCdcResource {

    @Inject
    ChangeCapturePipeline pipeline;

    @GET
    @Operation(
            summary = "Debezium Server health, replication slot lag (bytes and ms), the last change, "
                    + "changes and events per second and per-stage signal latency (p50/p95) over the last minutes")
    public JsonObject status() throws SQLException {
        return pipeline.status();
    }
}
