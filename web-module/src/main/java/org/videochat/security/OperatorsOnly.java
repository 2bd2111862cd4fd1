package org.videochat.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.videochat.platform.web.Problems;

/**
 * Marks a resource for operators (role {@code admin}). web.xml already guards {@code /api/admin/*};
 * this is the second layer, on the resource itself, whatever path reaches it.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface OperatorsOnly {

    /** Refuses a request of anyone without role {@code admin} before the resource runs. */
    @Provider
    @OperatorsOnly
    @Priority(Priorities.AUTHORIZATION)
    class Check implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            if (request.getSecurityContext().getUserPrincipal() == null) {
                request.abortWith(Problems.response(401, Problems.code(401), null));
            } else if (!request.getSecurityContext().isUserInRole("admin")) {
                request.abortWith(Problems.response(403, Problems.code(403), "Operators only (role admin)."));
            }
        }
    }
}
