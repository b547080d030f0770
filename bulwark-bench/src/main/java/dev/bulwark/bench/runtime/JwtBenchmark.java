package dev.bulwark.bench.runtime;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.bulwark.runtime.Jwt;
import dev.bulwark.runtime.internal.auth.JwtVerifier;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** JWT verification with the key already cached (the steady state of a warm container). */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class JwtBenchmark {

  /** More distinct tokens than the verifier's cache of verified tokens holds. */
  private static final int TOKENS = 3000;

  private JwtVerifier verifier;
  private String rs256;
  private String es256;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    RSAKey rsa = new RSAKeyGenerator(2048).keyID("r1").generate();
    ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("e1").generate();
    Instant now = Instant.now();
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("https://issuer.example.com").audience("api")
        .subject("user-1").expirationTime(Date.from(now.plusSeconds(3600))).issueTime(Date.from(now))
        .claim("scope", "orders:read orders:write").build();
    SignedJWT a = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("r1").build(), claims);
    a.sign(new RSASSASigner(rsa));
    rs256 = a.serialize();
    SignedJWT b = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("e1").build(), claims);
    b.sign(new ECDSASigner(ec));
    es256 = b.serialize();
    rsTokens = new String[TOKENS];
    esTokens = new String[TOKENS];
    for (int i = 0; i < TOKENS; i++) {
      JWTClaimsSet c = new JWTClaimsSet.Builder(claims).jwtID("t-" + i).build();
      SignedJWT r = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("r1").build(), c);
      r.sign(new RSASSASigner(rsa));
      rsTokens[i] = r.serialize();
      SignedJWT e = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("e1").build(), c);
      e.sign(new ECDSASigner(ec));
      esTokens[i] = e.serialize();
    }
    String jwks = new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString();
    verifier = new JwtVerifier(Jwt.builder().jwks(jwks).issuer("https://issuer.example.com").audience("api").build(),
        Clock.systemUTC());
    if (!verifier.verify(rs256).valid() || !verifier.verify(es256).valid()) {
      throw new IllegalStateException("benchmark tokens do not verify");
    }
  }

  /** A token seen before: answered from the verified-token cache, claims re-checked. */
  @Benchmark
  public Object repeatedToken() {
    return verifier.verify(rs256);
  }

  /**
   * Full RS256 verification (signature and claims) with the key cached: cycles through more
   * distinct tokens than the verified-token cache holds, so every call verifies a signature.
   */
  @Benchmark
  public Object verifyRs256() {
    next = (next + 1) % rsTokens.length;
    return verifier.verify(rsTokens[next]);
  }

  /** Full ES256 verification, as {@link #verifyRs256()}. */
  @Benchmark
  public Object verifyEs256() {
    next = (next + 1) % esTokens.length;
    return verifier.verify(esTokens[next]);
  }

  private int next;
  private String[] rsTokens;
  private String[] esTokens;
}
