package io.banli.kit.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;

/**
 * A Bean Validation failure on a request, as the problem extension reports it ({@code violations} of
 * field, in, message), but naming where the value really was: a parameter gathered in a
 * {@code @BeanParam} (a page size, a search filter) is a query, path or header parameter under its
 * HTTP name; the extension called it a field of the body.
 */
public class ParameterViolations {

    @ServerExceptionMapper(priority = 1)
    public Response violated(ResteasyReactiveViolationException e, ResourceInfo resource) {
        List<Map<String, String>> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            violations.add(describe(violation, resource.getResourceMethod()));
        }
        return HttpProblem.builder().withStatus(400).withTitle("Bad Request").with("violations", violations)
                .build().toResponse();
    }

    private static Map<String, String> describe(ConstraintViolation<?> violation, Method method) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        String message = violation.getMessage();
        if (method == null || nodes.size() < 2 || nodes.get(0).getKind() != ElementKind.METHOD
                || nodes.get(1).getKind() != ElementKind.PARAMETER) {
            return violation(serialize(nodes, Math.min(1, nodes.size())), "body", message);
        }
        int index = nodes.get(1).as(Path.ParameterNode.class).getParameterIndex();
        java.lang.reflect.Parameter parameter = method.getParameters()[index];
        String[] where = location(parameter.getAnnotations());
        if (where != null) {
            return violation(where[1], where[0], message);
        }
        if (parameter.isAnnotationPresent(BeanParam.class) && nodes.size() > 2) {
            Field field = field(parameter.getType(), nodes.get(2).getName());
            String[] inBean = field == null ? null : location(field.getAnnotations());
            if (inBean != null) {
                return violation(inBean[1], inBean[0], message);
            }
        }
        String field = serialize(nodes, 2);
        return violation(field.isEmpty() ? nodes.get(1).getName() : field, "body", message);
    }

    /** {in, name} of a JAX-RS parameter annotation, or null for the body. */
    private static String[] location(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return new String[] {"query", q.value()};
            }
            if (a instanceof PathParam p) {
                return new String[] {"path", p.value()};
            }
            if (a instanceof HeaderParam h) {
                return new String[] {"header", h.value()};
            }
            if (a instanceof FormParam f) {
                return new String[] {"form", f.value()};
            }
            if (a instanceof CookieParam c) {
                return new String[] {"cookie", c.value()};
            }
        }
        return null;
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            }
        }
        return null;
    }

    private static String serialize(List<Path.Node> nodes, int from) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : nodes.subList(from, nodes.size())) {
            // An index belongs to the container before the node: items[0].mode.
            if (node.isInIterable() && !path.isEmpty()) {
                path.append('[').append(node.getIndex() != null ? node.getIndex()
                        : node.getKey() != null ? node.getKey() : "").append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                path.append(path.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return path.toString();
    }

    private static Map<String, String> violation(String field, String in, String message) {
        return Map.of("field", field, "in", in, "message", message);
    }
}
