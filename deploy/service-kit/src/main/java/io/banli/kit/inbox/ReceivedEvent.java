package io.banli.kit.inbox;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A CloudEvent read from Kafka in binary mode: the attributes come from the {@code ce_*} headers,
 * the data is the record's JSON value. A record without them is not ours and is refused, which
 * sends it to the dead-letter topic.
 */
public record ReceivedEvent(String id, String type, String subject, String data) {

    public static ReceivedEvent of(ConsumerRecord<String, String> record) {
        return new ReceivedEvent(header(record, "ce_id"), header(record, "ce_type"),
                header(record, "ce_subject"), record.value());
    }

    /** Reads the data as the consumer's own record of the event (tolerant reader). */
    public <T> T data(ObjectMapper mapper, Class<T> type) {
        if (data == null) {
            throw new UnprocessableEventException(this, "the event has no data");
        }
        try {
            return mapper.readValue(data, type);
        } catch (JsonProcessingException e) {
            throw new UnprocessableEventException(this, "its data is not a valid " + type.getSimpleName()
                    + ": " + e.getOriginalMessage());
        }
    }

    /** Refuses the event (to the dead-letter topic) when a field the consumer needs is missing. */
    public void require(String fields, Object... values) {
        for (Object value : values) {
            if (value == null) {
                throw new UnprocessableEventException(this, fields + " are required");
            }
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            throw new UnprocessableEventException("Record at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " is not a CloudEvent: header " + name + " is missing");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
