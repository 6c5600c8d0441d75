package io.banli.intake.webhook;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * The operator's settings for webhooks, turned into the rule on callback addresses and the cipher of the
 * signing secrets. A malformed network or key stops the service at start, not at the first delivery.
 */
@ApplicationScoped
class WebhookSafety {

    /** The key material of the dev and test profiles (and of the local run): public, so never for production. */
    static final String DEVELOPMENT_KEY = "3eTqJZPw+370XdYvMCbB3X1Tolf+5oApU0N9aJ8emtc=";

    /** Like the kit's guard of the token keys: a production start with the development key stops here. */
    void refuseTheDevelopmentKeyInProduction(@Observes StartupEvent started,
            @ConfigProperty(name = "banli.webhooks.secret-keys") Optional<String> keys,
            @ConfigProperty(name = "banli.security.allow-development-keys", defaultValue = "false") boolean allowed) {
        if (allowed || LaunchMode.current() != LaunchMode.NORMAL || !ConfigUtils.getProfiles().contains("prod")) {
            return;
        }
        if (keys.filter(k -> k.contains(DEVELOPMENT_KEY)).isPresent()) {
            throw new IllegalStateException("Refusing to start in production with the development key for webhook "
                    + "secrets: set BANLI_WEBHOOKS_SECRET_KEYS to a key of your own (README, Security).");
        }
    }

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
