package whatsapp.simulator.evolution;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import whatsapp.simulator.InstanceView;
import whatsapp.simulator.instances.Instance;
import whatsapp.simulator.instances.Settings;
import whatsapp.simulator.instances.Timestamps;

/**
 * fetchInstances rows, written field by field to the response stream: the 2.3.6 flat Prisma row
 * (fixture fetch-instances-v2.json) or the 1.8 {@code {"instance":{...}}} wrapper (fetch-instances-v1.json).
 */
final class InstanceRows {

    static final String CLIENT_NAME = "evolution_exchange";

    private InstanceRows() {
    }

    static void writeV2(JsonGenerator out, Instance instance) throws IOException {
        var row = instance.view();
        out.writeStartObject();
        out.writeStringField("id", row.id());
        out.writeStringField("name", row.name());
        out.writeStringField("connectionStatus", row.connectionStatus());
        out.writeStringField("ownerJid", row.ownerJid());
        out.writeStringField("profileName", row.profileName());
        out.writeStringField("profilePicUrl", row.profilePicUrl());
        out.writeStringField("integration", row.integration());
        out.writeStringField("number", row.number());
        out.writeNullField("businessId");
        out.writeStringField("token", row.token());
        out.writeStringField("clientName", CLIENT_NAME);
        if (row.disconnectionReasonCode() == null) out.writeNullField("disconnectionReasonCode");
        else out.writeNumberField("disconnectionReasonCode", row.disconnectionReasonCode());
        out.writeStringField("disconnectionObject", row.disconnectionObject());
        out.writeStringField("disconnectionAt", Timestamps.format(row.disconnectionAt()));
        out.writeStringField("createdAt", Timestamps.format(row.createdAt()));
        out.writeStringField("updatedAt", Timestamps.format(row.updatedAt()));
        for (var relation : new String[] {"Chatwoot", "Proxy", "Rabbitmq", "Nats", "Sqs", "Websocket"}) {
            out.writeNullField(relation);
        }
        writeSetting(out, instance.settings(), row.id());
        out.writeObjectFieldStart("_count");
        out.writeNumberField("Message", 0);
        out.writeNumberField("Contact", 0);
        out.writeNumberField("Chat", 0);
        out.writeEndObject();
        out.writeEndObject();
    }

    private static void writeSetting(JsonGenerator out, Settings s, String instanceId) throws IOException {
        out.writeObjectFieldStart("Setting");
        out.writeStringField("id", s.id());
        out.writeBooleanField("rejectCall", s.rejectCall());
        out.writeStringField("msgCall", s.msgCall());
        out.writeBooleanField("groupsIgnore", s.groupsIgnore());
        out.writeBooleanField("alwaysOnline", s.alwaysOnline());
        out.writeBooleanField("readMessages", s.readMessages());
        out.writeBooleanField("readStatus", s.readStatus());
        out.writeBooleanField("syncFullHistory", s.syncFullHistory());
        out.writeStringField("wavoipToken", s.wavoipToken());
        out.writeStringField("createdAt", Timestamps.format(s.createdAt()));
        out.writeStringField("updatedAt", Timestamps.format(s.createdAt()));
        out.writeStringField("instanceId", instanceId);
        out.writeEndObject();
    }

    /** 1.8 builds the list from memory: live status; owner and profile only while open. */
    static void writeV1(JsonGenerator out, Instance instance, String serverUrl) throws IOException {
        InstanceView row = instance.view();
        out.writeStartObject();
        out.writeObjectFieldStart("instance");
        out.writeStringField("instanceName", row.name());
        out.writeStringField("instanceId", row.id());
        if ("open".equals(row.state())) {
            out.writeStringField("owner", row.ownerJid());
            out.writeStringField("profileName", row.profileName() == null ? "not loaded" : row.profileName());
            out.writeStringField("profilePictureUrl", row.profilePicUrl());
            out.writeStringField("profileStatus", "");
        }
        out.writeStringField("status", row.state());
        out.writeStringField("serverUrl", serverUrl);
        out.writeStringField("apikey", row.token());
        out.writeObjectFieldStart("integration");
        out.writeStringField("integration", row.integration());
        out.writeStringField("number", row.number() == null ? "" : row.number());
        out.writeStringField("token", "");
        out.writeStringField("webhook_wa_business", serverUrl + "/webhook/whatsapp/" + row.name());
        out.writeEndObject();
        out.writeEndObject();
        out.writeEndObject();
    }
}
