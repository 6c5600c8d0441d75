package io.banli.kit.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS answers 404 when a query or path parameter does not convert, which tells a client "no such
 * resource" for what is a typo. These converters answer 400 naming the parameter and what it takes.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Parameter name = parameter(annotations);
        if (name == null) {
            return null;
        }
        if (rawType.isEnum()) {
            return (ParamConverter<T>) new Converter<>(name, value -> Enum.valueOf((Class) rawType, value),
                    Problems.oneOf(rawType));
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) new Converter<>(name, Long::valueOf, "must be a whole number");
        }
        if (rawType == java.time.LocalDate.class) {
            return (ParamConverter<T>) new Converter<>(name, java.time.LocalDate::parse,
                    "must be a date like 2025-01-26");
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            // Boolean.valueOf reads anything but "true" as false: "yes" would silently mean the opposite.
            return (ParamConverter<T>) new Converter<>(name, ParameterConverters::strictBoolean, "must be true or false");
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new Converter<>(name, Integer::valueOf, "must be a whole number");
        }
        return null;
    }

    private static Boolean strictBoolean(String value) {
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.valueOf(value);
        }
        throw new IllegalArgumentException("not a boolean: " + value);
    }

    private record Parameter(String name, String in) {
    }

    private static Parameter parameter(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return new Parameter(query.value(), "query");
            }
            if (annotation instanceof PathParam path) {
                return new Parameter(path.value(), "path");
            }
        }
        return null;
    }

    private record Converter<T>(Parameter parameter, java.util.function.Function<String, T> parse, String accepts)
            implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value.trim());
            } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
                throw new WebApplicationException(
                        Problems.badInput("invalid-parameter", parameter.name(), parameter.in(), accepts).toResponse());
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
        }
    }
}
