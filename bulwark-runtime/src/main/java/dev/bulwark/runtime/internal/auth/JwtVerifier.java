package dev.bulwark.runtime.internal.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.bulwark.runtime.Jwt;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Verifies compact JWS tokens: algorithm allow-list, key type bound to the algorithm family
 * (no HMAC/RSA confusion, never {@code none}), signature, then {@code exp}, {@code nbf},
 * {@code iat}, {@code iss} and {@code aud} with bounded skew.
 */
public final class JwtVerifier implements TokenVerifier {

  private final Jwt config;
  private final Clock clock;
  private final @Nullable JwksSource keys;
  private final @Nullable MACVerifier mac;
  private final Map<JWK, JWSVerifier> verifiers = new ConcurrentHashMap<>();

  /**
   * Tokens whose signature verified recently, with their claims: a client sends the same token
   * on many requests, and signature verification (ES256 especially) costs far more than the
   * lookup. Entries live at most {@link #VERIFIED_TTL_MILLIS} and are dropped on key refresh;
   * time-based claims are checked again on every use.
   */
  private final java.util.LinkedHashMap<String, Verified> verified =
      new java.util.LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
          return size() > VERIFIED_CAPACITY;
        }
      };

  static final int VERIFIED_CAPACITY = 1024;
  static final long VERIFIED_TTL_MILLIS = 5 * 60 * 1000L;

  private record Verified(JWTClaimsSet claims, long until) {}

  public JwtVerifier(Jwt config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.keys =
        config.jwksUrl() != null || config.jwksJson() != null
            ? new JwksSource(config.jwksUrl(), config.jwksJson(), clock, config.cacheTtl(),
                config.fetchTimeout(), config.minRefreshInterval())
            : null;
    byte[] secret = config.hmacSecret();
    try {
      this.mac = secret == null ? null : new MACVerifier(secret);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("HMAC secret rejected: " + e.getMessage(), e);
    }
  }

  public @Nullable JwksSource keys() {
    return keys;
  }

  @Override
  public void refreshKeys() {
    if (keys != null) {
      keys.invalidate();
    }
    synchronized (verified) {
      verified.clear();
    }
  }

  @Override
  public Result verify(String token) {
    if (token.length() > 16 * 1024) {
      return Result.fail("jwt.too-large");
    }
    long nowMillis = clock.millis();
    Verified hit;
    synchronized (verified) {
      hit = verified.get(token);
    }
    if (hit != null && hit.until() > nowMillis) {
      String rule = checkClaims(hit.claims());
      return rule == null ? new Result(hit.claims().getClaims(), "") : Result.fail(rule);
    }
    int dots = 0;
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) == '.') {
        dots++;
      }
    }
    if (dots != 2) {
      return Result.fail(dots == 4 ? "jwt.encrypted-unsupported" : "jwt.malformed");
    }
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(token);
    } catch (ParseException e) {
      // includes alg "none", which is not a JWS algorithm
      return Result.fail(token.startsWith("eyJ") && isNone(token) ? "jwt.alg-none" : "jwt.malformed");
    }
    JWSHeader header = jwt.getHeader();
    JWSAlgorithm alg = header.getAlgorithm();
    if (!config.algorithms().contains(alg.getName())) {
      return Result.fail("jwt.algorithm-not-allowed");
    }
    if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
      return Result.fail("jwt.critical-header");
    }
    String signatureFailure;
    try {
      signatureFailure = verifySignature(jwt, alg, header.getKeyID());
    } catch (JOSEException e) {
      return Result.fail("jwt.bad-signature");
    }
    if (signatureFailure != null) {
      return Result.fail(signatureFailure);
    }
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      return Result.fail("jwt.malformed-claims");
    }
    String rule = checkClaims(claims);
    if (rule != null) {
      return Result.fail(rule);
    }
    synchronized (verified) {
      verified.put(token, new Verified(claims, nowMillis + VERIFIED_TTL_MILLIS));
    }
    return new Result(claims.getClaims(), "");
  }

  /** Null when the signature is good, else the failed rule. */
  private @Nullable String verifySignature(SignedJWT jwt, JWSAlgorithm alg, @Nullable String kid)
      throws JOSEException {
    if (JWSAlgorithm.Family.HMAC_SHA.contains(alg)) {
      if (mac == null) {
        return "jwt.algorithm-not-allowed";
      }
      return jwt.verify(mac) ? null : "jwt.bad-signature";
    }
    if (keys == null) {
      return "jwt.algorithm-not-allowed";
    }
    List<JWK> candidates = keys.keys(kid);
    boolean any = false;
    for (JWK k : candidates) {
      JWSVerifier v = verifierFor(k, alg);
      if (v == null) {
        continue;
      }
      any = true;
      if (jwt.verify(v)) {
        return null;
      }
    }
    return any ? "jwt.bad-signature" : "jwt.unknown-key";
  }

  private @Nullable JWSVerifier verifierFor(JWK k, JWSAlgorithm alg) throws JOSEException {
    if (k.getKeyUse() != null && !KeyUse.SIGNATURE.equals(k.getKeyUse())) {
      return null;
    }
    if (k.getAlgorithm() != null && !k.getAlgorithm().getName().equals(alg.getName())) {
      return null;
    }
    boolean fits =
        (k instanceof RSAKey && (JWSAlgorithm.Family.RSA.contains(alg)))
            || (k instanceof ECKey ec && JWSAlgorithm.Family.EC.contains(alg)
                && Curve.forJWSAlgorithm(alg).contains(ec.getCurve()))
            || (k instanceof OctetKeyPair okp && JWSAlgorithm.Family.ED.contains(alg)
                && Curve.Ed25519.equals(okp.getCurve()));
    if (!fits) {
      return null;
    }
    JWSVerifier cached = verifiers.get(k);
    if (cached != null) {
      return cached;
    }
    JWSVerifier v;
    if (k instanceof RSAKey rsa) {
      v = new RSASSAVerifier(rsa.toRSAPublicKey());
    } else if (k instanceof ECKey ec) {
      v = new ECDSAVerifier(ec.toECPublicKey());
    } else {
      v = new Ed25519Verifier(((OctetKeyPair) k).toPublicJWK());
    }
    if (verifiers.size() < 256) {
      verifiers.put(k, v);
    }
    return v;
  }

  private @Nullable String checkClaims(JWTClaimsSet c) {
    Instant now = clock.instant();
    long skew = config.skew().toMillis();
    Date exp = c.getExpirationTime();
    if (exp == null) {
      return "jwt.no-expiry";
    }
    if (exp.getTime() + skew < now.toEpochMilli()) {
      return "jwt.expired";
    }
    Date nbf = c.getNotBeforeTime();
    if (nbf != null && nbf.getTime() - skew > now.toEpochMilli()) {
      return "jwt.not-yet-valid";
    }
    Date iat = c.getIssueTime();
    if (iat != null && iat.getTime() - skew > now.toEpochMilli()) {
      return "jwt.issued-in-future";
    }
    if (config.issuer() != null && !config.issuer().equals(c.getIssuer())) {
      return "jwt.wrong-issuer";
    }
    if (!config.audiences().isEmpty()) {
      boolean ok = false;
      List<String> aud = c.getAudience();
      for (String a : aud) {
        ok |= config.audiences().contains(a);
      }
      Object clientId = c.getClaim("client_id");
      ok |= aud.isEmpty() && clientId instanceof String s && config.audiences().contains(s);
      if (!ok) {
        return "jwt.wrong-audience";
      }
    }
    return null;
  }

  private static boolean isNone(String token) {
    int dot = token.indexOf('.');
    try {
      String header = new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, dot)),
          java.nio.charset.StandardCharsets.UTF_8);
      return header.replace(" ", "").toLowerCase(java.util.Locale.ROOT).contains("\"alg\":\"none\"");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
