package org.videochat.admin.health;

import static org.videochat.platform.Jsons.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The application's health checks on its own port, in the MicroProfile Health format, for load
 * balancers and the operations console (anonymous, like /health). Payara Server serves the same
 * checks at /health; WildFly serves MicroProfile Health only on its management port and leaves
 * out checks that live inside an EAR, so this is the address that works on every server.
 */
@Path("health")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "health", description = "For load balancers (anonymous)")
public class HealthResource {

    @Inject
    @Readiness
    Instance<HealthCheck> readiness;

    @Inject
    @Liveness
    Instance<HealthCheck> liveness;

    @GET
    @Path("ready")
    @Operation(summary = "Ready while the database, the broker and change data capture are")
    @APIResponse(responseCode = "200", description = "UP")
    @APIResponse(responseCode = "503", description = "DOWN, with the failing checks")
    public Response ready() {
        return report(readiness);
    }

    @GET
    @Path("live")
    @Operation(summary = "Live while the node serves signaling streams")
    @APIResponse(responseCode = "200", description = "UP")
    @APIResponse(responseCode = "503", description = "DOWN")
    public Response live() {
        return report(liveness);
    }

    private static Response report(Instance<HealthCheck> checks) {
        boolean up = true;
        JsonArrayBuilder results = JSON.createArrayBuilder();
        for (HealthCheck check : checks) {
            HealthCheckResponse r = check.call();
            up &= r.getStatus() == HealthCheckResponse.Status.UP;
            JsonObjectBuilder data = JSON.createObjectBuilder();
            r.getData().ifPresent(d -> d.forEach((k, v) -> data.add(k, String.valueOf(v))));
            results.add(JSON.createObjectBuilder()
                    .add("name", r.getName())
                    .add("status", r.getStatus().name())
                    .add("data", data));
        }
        return Response.status(up ? 200 : 503)
                .entity(JSON.createObjectBuilder()
                        .add("status", up ? "UP" : "DOWN")
                        .add("checks", results)
                        .build())
                .build();
    }
}
