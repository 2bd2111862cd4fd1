package org.videochat.admin.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static org.videochat.platform.Jsons.JSON;

/**
 * The readiness checks, for the console, on the application's own port. Payara Server also
 * serves them anonymously at /health/ready for load balancers; WildFly serves MicroProfile
 * Health on its management interface only, so the console cannot rely on that path.
 */
@Path("admin/health")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Operators only (role admin)")
@APIResponse(responseCode = "403", description = "Not an administrator")
public class AdminHealthResource {

    @Inject
    @Readiness
    Instance<HealthCheck> checks;

    @GET
    @Operation(summary = "Database, broker and change data capture readiness, as /health/ready reports them")
    public JsonObject readiness() {
        boolean up = true;
        JsonArrayBuilder results = JSON.createArrayBuilder();
        for (HealthCheck check : checks) {
            HealthCheckResponse r = check.call();
            up &= r.getStatus() == HealthCheckResponse.Status.UP;
            JsonObjectBuilder data = JSON.createObjectBuilder();
            r.getData().ifPresent(d -> d.forEach((k, v) -> data.add(k, String.valueOf(v))));
            results.add(JSON.createObjectBuilder().add("name", r.getName()).add("status", r.getStatus().name()).add("data", data));
        }
        return JSON.createObjectBuilder().add("status", up ? "UP" : "DOWN").add("checks", results).build();
    }
}
