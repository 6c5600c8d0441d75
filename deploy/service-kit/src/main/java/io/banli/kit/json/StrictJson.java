package io.banli.kit.json;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON means what it says, in every service: a number is not text, a date or an id, text is not a
 * number or a flag, 1.5 is not the whole number 1, and 1 is no enum constant. Jackson's defaults coerce all of these, so a
 * fuzzer's {@code "title": 5} or {@code "intakeOpensAt": 0} was stored as "5" and 1970-01-01. Now
 * each is a 400 that names the field ({@code io.banli.kit.problem.JsonInputProblems}). Text with a
 * NUL character is refused too: PostgreSQL cannot store it, and no person types it.
 *
 * <p>The same mapper reads events; the services write them from typed records, so nothing they
 * publish relied on coercion.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // An enum is its name: 1 is not the second constant.
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        SimpleModule textOnly = new SimpleModule("banli-text-only");
        textOnly.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                return type == String.class || java.time.temporal.Temporal.class.isAssignableFrom(type)
                        ? new TextOnly(deserializer) : deserializer;
            }
        });
        mapper.registerModule(textOnly);
    }
}
