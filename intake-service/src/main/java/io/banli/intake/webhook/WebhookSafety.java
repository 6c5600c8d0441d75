package io.banli.intake.webhook;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operator's settings for webhooks, turned into the rule on callback addresses and the cipher of the
 * signing secrets. A malformed network or key stops the service at start, not at the first delivery.
 */
@ApplicationScoped
class WebhookSafety {

    @Produces
    @Singleton
    CallbackRule callbackRule(
            @ConfigProperty(name = "banli.webhooks.allow-plain-http", defaultValue = "false") boolean allowPlainHttp,
            @ConfigProperty(name = "banli.webhooks.allowed-networks") Optional<List<String>> allowedNetworks) {
        List<Cidr> networks = allowedNetworks.orElse(List.of()).stream().filter(s -> !s.isBlank()).map(Cidr::parse)
                .toList();
        return new CallbackRule(allowPlainHttp, networks, InetAddress::getAllByName);
    }

    @Produces
    @Singleton
    SecretCipher secretCipher(@ConfigProperty(name = "banli.webhooks.secret-keys") Optional<String> keys) {
        return SecretCipher.parse(keys.orElse(null));
    }
}
