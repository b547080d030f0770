package dev.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.bulwark.runtime.support.Fixtures;
import dev.bulwark.runtime.support.LocalHttp;
import dev.bulwark.runtime.support.MutableClock;
import dev.bulwark.runtime.support.TestContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthTest {

  static RSAKey rsa;
  static RSAKey rotated;
  static ECKey ec;
  static final Instant NOW = Instant.parse("2026-02-03T10:00:00Z");
  static final String ISS = "https://issuer.example.com";

  final List<String> log = new CopyOnWriteArrayList<>();
  final MutableClock clock = new MutableClock(NOW);
  LocalHttp jwks;

  final RequestHandler<Map<String, Object>, Map<String, Object>> ok = (e, c) -> Map.of("statusCode", 200);

  @BeforeAll
  static void keys() throws Exception {
    rsa = new RSAKeyGenerator(2048).keyID("k1").generate();
    rotated = new RSAKeyGenerator(2048).keyID("k2").generate();
    ec = new ECKeyGenerator(Curve.P_256).keyID("e1").generate();
  }

  @BeforeEach
  void server() throws Exception {
    jwks = new LocalHttp();
    jwks.body.set(new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString());
  }

  @AfterEach
  void stop() {
    jwks.close();
  }

  static String token(RSAKey key, Consumer<JWTClaimsSet.Builder> claims) throws Exception {
    JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(ISS).audience("orders-api").subject("user-1")
        .expirationTime(Date.from(NOW.plusSeconds(600))).issueTime(Date.from(NOW.minusSeconds(10)))
        .claim("scope", "orders:read profile");
    claims.accept(b);
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
        .type(JOSEObjectType.JWT).build(), b.build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  Protection.Builder protection() {
    return Protection.builder().mode(Mode.BLOCK).clock(clock).eventSink(log::add)
        .jwt(Jwt.builder().jwksUrl(jwks.uri("/jwks.json")).issuer(ISS).audience("orders-api").build());
  }

  int status(Protection p, String authorization) {
    Map<String, String> h = authorization == null ? Map.of() : Map.of("authorization", authorization);
    Map<String, Object> r = p.wrap(ok).handleRequest(Fixtures.httpApi("GET", "/orders", Map.of(), "", h), new TestContext());
    return (Integer) r.get("statusCode");
  }

  String lastRule() {
    return Fixtures.lines(log, "security-event").stream().reduce((a, b) -> b).orElse("");
  }

  @Test
  void acceptsAValidTokenFromTheJwksUrl() throws Exception {
    assertThat(status(protection().build(), "Bearer " + token(rsa, b -> {}))).isEqualTo(200);
    assertThat(log).isEmpty();
  }

  @Test
  void rejectsEventWithoutBearerToken() {
    Protection p = protection().build();
    Map<String, Object> r = p.wrap(ok).handleRequest(Fixtures.httpApi("GET", "/orders", Map.of(), "", Map.of()), new TestContext());
    assertThat(r.get("statusCode")).isEqualTo(401);
    assertThat(r.get("headers").toString()).contains("www-authenticate=Bearer");
    assertThat(lastRule()).contains("\"rule\":\"auth.missing-credentials\"").contains("\"class\":\"auth\"");
  }

  @Test
  void rejectsExpiredTokensBeyondTheSkewButNotWithinIt() throws Exception {
    Protection p = protection().build();
    assertThat(status(p, "Bearer " + token(rsa, b -> b.expirationTime(Date.from(NOW.minusSeconds(30)))))).isEqualTo(200);
    assertThat(status(p, "Bearer " + token(rsa, b -> b.expirationTime(Date.from(NOW.minusSeconds(61)))))).isEqualTo(401);
    assertThat(lastRule()).contains("jwt.expired");
  }

  @Test
  void rejectsTokensNotYetValidAndTokensWithoutExpiry() throws Exception {
    Protection p = protection().build();
    assertThat(status(p, "Bearer " + token(rsa, b -> b.notBeforeTime(Date.from(NOW.plusSeconds(120)))))).isEqualTo(401);
    assertThat(lastRule()).contains("jwt.not-yet-valid");
    assertThat(status(p, "Bearer " + token(rsa, b -> b.expirationTime(null)))).isEqualTo(401);
    assertThat(lastRule()).contains("jwt.no-expiry");
  }

  @Test
  void aCachedVerifiedTokenStillExpiresOnTime() throws Exception {
    Protection p = protection().build();
    String t = "Bearer " + token(rsa, b -> b.expirationTime(Date.from(NOW.plusSeconds(120))));
    assertThat(status(p, t)).isEqualTo(200);
    assertThat(status(p, t)).isEqualTo(200);
    clock.advance(Duration.ofSeconds(200));
    assertThat(status(p, t)).isEqualTo(401);
    assertThat(lastRule()).contains("jwt.expired");
  }

  @Test
  void rejectsWrongIssuerAndAudience() throws Exception {
    Protection p = protection().build();
    assertThat(status(p, "Bearer " + token(rsa, b -> b.issuer("https://evil.example.com")))).isEqualTo(401);
    assertThat(lastRule()).contains("jwt.wrong-issuer");
    assertThat(status(p, "Bearer " + token(rsa, b -> b.audience("other-api")))).isEqualTo(401);
    assertThat(lastRule()).contains("jwt.wrong-audience");
  }

  @Test
  void rejectsAlgNoneTokens() {
    String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String claims = Base64.getUrlEncoder().withoutPadding().encodeToString(
        ("{\"iss\":\"" + ISS + "\",\"aud\":\"orders-api\",\"sub\":\"admin\",\"exp\":" + NOW.plusSeconds(600).getEpochSecond() + "}")
            .getBytes(StandardCharsets.UTF_8));
    assertThat(status(protection().build(), "Bearer " + header + "." + claims + ".")).isEqualTo(401);
    assertThat(lastRule()).contains("jwt.alg-none");
  }

  @Test
  void rejectsHmacTokensSignedWithTheRsaPublicKey() throws Exception {
    byte[] publicKeyAsSecret = rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
    SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(),
        new JWTClaimsSet.Builder().issuer(ISS).audience("orders-api").subject("admin")
            .expirationTime(Date.from(NOW.plusSeconds(600))).build());
    forged.sign(new MACSigner(publicKeyAsSecret));
    assertThat(status(protection().build(), "Bearer " + forged.serialize())).isEqualTo(401);
    assertThat(lastRule()).contains("jwt.algorithm-not-allowed");
  }

  @Test
  void rejectsTamperedSignatures() throws Exception {
    String t = token(rsa, b -> {});
    String tampered = t.substring(0, t.lastIndexOf('.') + 1) + "AAAA" + t.substring(t.lastIndexOf('.') + 5);
    assertThat(status(protection().build(), "Bearer " + tampered)).isEqualTo(401);
    assertThat(lastRule()).contains("jwt.bad-signature");
  }

  @Test
  void acceptsEs256WhenAllowedAndRejectsItWhenNot() throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("e1").build(),
        new JWTClaimsSet.Builder().issuer(ISS).audience("orders-api").subject("u")
            .expirationTime(Date.from(NOW.plusSeconds(60))).build());
    jwt.sign(new ECDSASigner(ec));
    assertThat(status(protection().build(), "Bearer " + jwt.serialize())).isEqualTo(200);
    Protection rsOnly = Protection.builder().mode(Mode.BLOCK).clock(clock).eventSink(log::add)
        .jwt(Jwt.builder().jwksUrl(jwks.uri("/jwks.json")).algorithms("RS256").build()).build();
    assertThat(status(rsOnly, "Bearer " + jwt.serialize())).isEqualTo(401);
    assertThat(lastRule()).contains("jwt.algorithm-not-allowed");
  }

  @Test
  void cachesKeysAndRefetchesOnceForAnUnknownKeyIdAfterRotation() throws Exception {
    Protection p = protection().build();
    assertThat(status(p, "Bearer " + token(rsa, b -> {}))).isEqualTo(200);
    assertThat(status(p, "Bearer " + token(rsa, b -> {}))).isEqualTo(200);
    assertThat(jwks.hits).hasValue(1);
    jwks.body.set(new JWKSet(List.of(rsa.toPublicJWK(), rotated.toPublicJWK())).toString());
    clock.advance(Duration.ofSeconds(31)); // refetches for unknown key ids are at most one per 30 s
    assertThat(status(p, "Bearer " + token(rotated, b -> {}))).isEqualTo(200);
    assertThat(jwks.hits).hasValue(2);
    // an attacker sending random key ids does not make us refetch on every request
    assertThat(status(p, "Bearer " + token(new RSAKeyGenerator(2048).keyID("zz").generate(), b -> {}))).isEqualTo(401);
    assertThat(status(p, "Bearer " + token(new RSAKeyGenerator(2048).keyID("zy").generate(), b -> {}))).isEqualTo(401);
    assertThat(jwks.hits).hasValue(2);
    assertThat(lastRule()).contains("jwt.unknown-key");
  }

  @Test
  void refetchesKeysAfterTheTtlAndAfterARestore() throws Exception {
    Protection p = protection().build();
    status(p, "Bearer " + token(rsa, b -> {}));
    clock.advance(Duration.ofMinutes(61));
    status(p, "Bearer " + token(rsa, b -> b.expirationTime(Date.from(NOW.plusSeconds(7200)))));
    assertThat(jwks.hits).hasValue(2);
    p.afterRestore();
    status(p, "Bearer " + token(rsa, b -> b.expirationTime(Date.from(NOW.plusSeconds(7200)))));
    assertThat(jwks.hits).hasValue(3);
  }

  @Test
  void aJwksFetchTimeoutIsAGuardErrorThatFailsOpenUnlessFailClosed() throws Exception {
    jwks.delayMillis.set(1500);
    Jwt slow = Jwt.builder().jwksUrl(jwks.uri("/jwks.json")).fetchTimeout(Duration.ofMillis(200)).build();
    Protection open = Protection.builder().mode(Mode.BLOCK).clock(clock).eventSink(log::add).jwt(slow).build();
    assertThat(status(open, "Bearer " + token(rsa, b -> {}))).isEqualTo(200);
    assertThat(lastRule()).contains("\"class\":\"guard-error\"").contains("cannot fetch JWKS");
    Protection closed = Protection.builder().mode(Mode.BLOCK).clock(clock).eventSink(log::add).jwt(slow)
        .failClosed(true).build();
    assertThat(status(closed, "Bearer " + token(rsa, b -> {}))).isEqualTo(503);
  }

  @Test
  void enforcesRouteScopesAndClaims() throws Exception {
    Protection p = protection()
        .route(Route.builder("POST /orders").requireScopes("orders:write").build())
        .route(Route.builder("GET /orders").requireScopes("orders:read").requireClaim("tenant", "acme").build())
        .route(Route.builder("GET /health").auth(AuthRequirement.NONE).build())
        .build();
    String read = "Bearer " + token(rsa, b -> b.claim("tenant", "acme"));
    assertThat(status(p, read)).isEqualTo(200);
    assertThat(status(p, "Bearer " + token(rsa, b -> b.claim("tenant", "other")))).isEqualTo(403);
    assertThat(lastRule()).contains("jwt.claim-mismatch");
    Map<String, Object> post = Fixtures.httpApi("POST", "/orders", Map.of(), "", Map.of("authorization", read));
    assertThat(p.wrap(ok).handleRequest(post, new TestContext()).get("statusCode")).isEqualTo(403);
    assertThat(lastRule()).contains("jwt.missing-scope");
    Map<String, Object> health = Fixtures.httpApi("GET", "/health", Map.of(), "", Map.of());
    assertThat(p.wrap(ok).handleRequest(health, new TestContext()).get("statusCode")).isEqualTo(200);
  }

  @Test
  void apiKeysAreComparedByHashAndNameTheClient() {
    Protection p = Protection.builder().mode(Mode.BLOCK).eventSink(log::add)
        .apiKeys(ApiKeys.builder().key("partner-a", ApiKeys.sha256("key-for-partner-a-0123456789")).build()).build();
    Map<String, Object> good = Fixtures.httpApi("GET", "/x", Map.of(), "", Map.of("x-api-key", "key-for-partner-a-0123456789"));
    Map<String, Object> bad = Fixtures.httpApi("GET", "/x", Map.of(), "", Map.of("x-api-key", "guess"));
    assertThat(p.wrap(ok).handleRequest(good, new TestContext()).get("statusCode")).isEqualTo(200);
    assertThat(p.wrap(ok).handleRequest(bad, new TestContext()).get("statusCode")).isEqualTo(401);
    assertThat(lastRule()).contains("apikey.invalid").doesNotContain("guess");
  }

  @Test
  void apiKeyBuilderRefusesPlainKeysAndWeakSettingsFailFast() {
    assertThatThrownBy(() -> ApiKeys.builder().key("a", "my-plain-key"))
        .hasMessageContaining("is not a 64-digit hex SHA-256");
    assertThatThrownBy(() -> Jwt.builder().algorithms("none")).hasMessage("algorithm 'none' can never be allowed");
    assertThatThrownBy(() -> Jwt.builder().maxSkew(Duration.ofMinutes(10))).hasMessageContaining("is not between 0 and PT5M");
    assertThatThrownBy(() -> Jwt.builder().jwksUrl(java.net.URI.create("http://keys.example.com/jwks")))
        .hasMessageContaining("must use https");
    assertThatThrownBy(() -> Jwt.builder().jwks("{\"keys\":[]}").algorithms("HS256").build())
        .hasMessageContaining("public keys are never used as HMAC secrets");
    assertThatThrownBy(() -> RateLimit.builder(2_000_000_000L, Duration.ofSeconds(1)))
        .hasMessageContaining("refills faster than one per nanosecond");
    assertThatThrownBy(() -> Protection.builder().route(Route.builder("GET /a").requireScopes("s").build()).build())
        .hasMessageContaining("requires scopes or claims but no JWT is configured");
  }

  @Test
  void authorizerEventsAreRefusedWithTheMessageApiGatewayMapsTo401() throws Exception {
    Protection p = protection().build();
    RequestHandler<Map<String, Object>, Map<String, Object>> h = p.wrap((e, c) -> Map.of("principalId", "user-1"));
    Map<String, Object> bad = Fixtures.event("authorizer-token.json");
    assertThatThrownBy(() -> h.handleRequest(bad, new TestContext())).isInstanceOf(BulwarkBlockedException.class)
        .hasMessage("Unauthorized");
    Map<String, Object> good = Fixtures.with(bad, "authorizationToken", "Bearer " + token(rsa, b -> {}));
    assertThat(h.handleRequest(good, new TestContext())).containsEntry("principalId", "user-1");
  }
}
