package io.banli.kit.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Refuses to start a production service (the packaged jar in the {@code prod} profile) that trusts the development
 * issuer or key pair, or an intake that signs with the development key: see {@link DevelopmentKeys}. The local run
 * and the end-to-end tests run packaged jars with the development keys on purpose and say so with
 * {@code banli.security.allow-development-keys=true}; nothing else should set it.
 */
@ApplicationScoped
public class DevelopmentKeyGuard {

    @ConfigProperty(name = "banli.security.allow-development-keys", defaultValue = "false")
    boolean allowed;

    @ConfigProperty(name = "banli.jwt.issuer")
    String issuer;

    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> publicKey;

    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> publicKeyLocation;

    @ConfigProperty(name = "banli.platform.token-signing-key")
    Optional<String> signingKey;

    void check(@Observes StartupEvent started) {
        if (allowed || LaunchMode.current() != LaunchMode.NORMAL || !ConfigUtils.getProfiles().contains("prod")) {
            return;
        }
        List<String> violations = DevelopmentKeys.violations(
                new DevelopmentKeys.Settings(issuer, publicKey, publicKeyLocation, signingKey), DevelopmentKeyGuard::read);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("Refusing to start in production with development credentials: "
                    + String.join("; ", violations) + ". Configure the real identity provider (README, Security).");
        }
    }

    /** Local key files only; a JWKS URL is the identity provider's and is not fetched here. */
    private static String read(String location) {
        try {
            if (location.startsWith("classpath:")) {
                String path = location.substring("classpath:".length()).replaceFirst("^/", "");
                try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
                    return in == null ? null : new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                }
            }
            if (location.contains("://") && !location.startsWith("file:")) {
                return null;
            }
            Path file = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.US_ASCII) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
