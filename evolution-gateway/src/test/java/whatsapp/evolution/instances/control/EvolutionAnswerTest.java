package whatsapp.evolution.instances.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import whatsapp.evolution.instances.Recorded;
import whatsapp.evolution.instances.control.EvolutionAnswer.Kind;

class EvolutionAnswerTest {

    static final String NAME = "clinic-abc-123-1763224272772";

    @Test
    void evolutionsOwn404ForThisNameIsInstanceNotFound() {
        var answer = EvolutionAnswer.classify(404, Recorded.text("v2/not-found-404.json"), NAME);
        assertThat(answer.kind()).isEqualTo(Kind.INSTANCE_NOT_FOUND);
    }

    @Test
    void fetchInstancesNotFoundWordingAndPlainStringMessageCount() {
        var body = """
                {"status":404,"error":"Not Found","response":{"message":"Instance \\"%s\\" not found"}}""".formatted(NAME);
        assertThat(EvolutionAnswer.classify(404, body, NAME).kind()).isEqualTo(Kind.INSTANCE_NOT_FOUND);
    }

    @Test
    void a404AboutAnotherNameIsNotAboutThisOne() {
        var answer = EvolutionAnswer.classify(404, Recorded.text("v2/not-found-404.json"), "clinic-other-1");
        assertThat(answer.kind()).isEqualTo(Kind.FAILED);
        assertThat(EvolutionAnswer.classify(404, Recorded.text("v2/not-found-404.json"), null).kind()).isEqualTo(Kind.FAILED);
    }

    @Test
    void unknownRouteIsAConfigurationErrorNotAMissingInstance() {
        var envelope = """
                {"status":404,"error":"Not Found","response":{"message":["Cannot GET /nope/instance/fetchInstances"]}}""";
        var express = "<!DOCTYPE html><html><body><pre>Cannot GET /nope/instance/fetchInstances</pre></body></html>";
        assertThat(EvolutionAnswer.classify(404, envelope, NAME).kind()).isEqualTo(Kind.ROUTE_NOT_FOUND);
        assertThat(EvolutionAnswer.classify(404, express, NAME).reason()).isEqualTo("route not found: misconfigured base URL");
    }

    @Test
    void a404WithoutEvolutionsEnvelopeIsNeverMissing() {
        var nginx = "<html><head><title>404 Not Found</title></head><body><center>nginx</center></body></html>";
        var bareJson = """
                {"message":"The \\"%s\\" instance does not exist"}""".formatted(NAME);
        assertThat(EvolutionAnswer.classify(404, nginx, NAME).kind()).isEqualTo(Kind.FAILED);
        assertThat(EvolutionAnswer.classify(404, bareJson, NAME).kind()).isEqualTo(Kind.FAILED);
        assertThat(EvolutionAnswer.classify(404, "", NAME).kind()).isEqualTo(Kind.FAILED);
    }

    @Test
    void unauthorizedIsAKeyProblem() {
        var body = """
                {"status":401,"error":"Unauthorized","response":{"message":"Unauthorized"}}""";
        var answer = EvolutionAnswer.classify(401, body, NAME);
        assertThat(answer.kind()).isEqualTo(Kind.KEY_REJECTED);
        assertThat(answer.reason()).isEqualTo("API key rejected");
    }

    @Test
    void errorTrueInA200IsAFailure() {
        var answer = EvolutionAnswer.classify(200, """
                {"error":true,"message":"[object Object]"}""", NAME);
        assertThat(answer.kind()).isEqualTo(Kind.FAILED);
        assertThat(answer.reason()).isEqualTo("Evolution error: [object Object]");
        assertThat(EvolutionAnswer.classify(200, Recorded.text("v2/delete-200.json"), NAME).kind()).isEqualTo(Kind.OK);
    }

    @Test
    void successNeedsJson() {
        assertThat(EvolutionAnswer.classify(200, "<html>welcome</html>", NAME).kind()).isEqualTo(Kind.FAILED);
        assertThat(EvolutionAnswer.classify(200, "", null).kind()).isEqualTo(Kind.FAILED);
        var listing = EvolutionAnswer.classify(200, Recorded.text("v2/fetch-instances-v2.json"), null);
        assertThat(listing.kind()).isEqualTo(Kind.OK);
        assertThat(listing.array()).hasSize(3);
    }

    @Test
    void gatewayPagesAreTransientAndServerErrorsAreNot() {
        var proxy = EvolutionAnswer.classify(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", NAME);
        assertThat(proxy.kind()).isEqualTo(Kind.FAILED);
        assertThat(proxy.reason()).isEqualTo("HTTP 502 (not JSON)");
        assertThat(proxy.retryable()).isTrue();
        var crash = EvolutionAnswer.classify(500, """
                {"status":500,"error":"Internal Server Error","response":{"message":["boom"]}}""", NAME);
        assertThat(crash.kind()).isEqualTo(Kind.FAILED);
        assertThat(crash.retryable()).isFalse();
    }

    @Test
    void nameTakenAndValidationAreRefusals() {
        var taken = EvolutionAnswer.classify(403, Recorded.text("v2/create-403-duplicate.json"), NAME);
        assertThat(taken.kind()).isEqualTo(Kind.REFUSED);
        assertThat(taken.says("already in use")).isTrue();
        var invalid = EvolutionAnswer.classify(400, """
                {"status":400,"error":"Bad Request","response":{"message":["qrcode is not of a type(s) boolean","Invalid integration"]}}""", NAME);
        assertThat(invalid.messages()).containsExactly("qrcode is not of a type(s) boolean", "Invalid integration");
    }

    @Test
    void transportFailuresAreNamedWithoutTheirMessages() {
        var timeout = EvolutionAnswer.unreachable(new ProcessingException(new SocketTimeoutException("Read timed out http://secret@host")));
        assertThat(timeout.reason()).isEqualTo("timeout");
        assertThat(timeout.retryable()).isFalse();
        var refused = EvolutionAnswer.unreachable(new ProcessingException(new ConnectException("apikey=s3cr3t")));
        assertThat(refused.reason()).isEqualTo("connection refused");
        assertThat(refused.retryable()).isTrue();
        assertThat(EvolutionAnswer.unreachable(new ProcessingException(new SocketException("Connection reset"))).reason())
                .isEqualTo("connection reset");
        assertThat(EvolutionAnswer.unreachable(new ProcessingException(new IOException("x"))).kind()).isEqualTo(Kind.FAILED);
        assertThat(EvolutionAnswer.unreachable(new IllegalStateException("s3cr3t")).reason()).doesNotContain("s3cr3t");
    }
}
