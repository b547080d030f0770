package dev.bulwark.runtime.detect.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostsTest {

  @ParameterizedTest
  @CsvSource({
    // host, kind, obfuscated
    "169.254.169.254, 4, false",
    "2852039166, 4, true",
    "0xA9FEA9FE, 4, true",
    "0251.0376.0251.0376, 4, true",
    "169.16689662, 4, true",
    "169.254.43518, 4, true",
    "0xa9.0xfe.0xa9.0xfe, 4, true",
    "[::ffff:169.254.169.254], 4, true",
    "[::ffff:a9fe:a9fe], 4, true",
    "[64:ff9b::a9fe:a9fe], 4, true",
    "[fd00:ec2::254], 4, false",
    "metadata.google.internal, 4, false",
    "METADATA.GOOGLE.INTERNAL., 4, false",
    "127.0.0.1, 1, false",
    "127.1, 1, true",
    "0, 1, true",
    "0.0.0.0, 1, false",
    "[::1], 1, false",
    "[::], 1, false",
    "[0:0:0:0:0:0:0:1], 1, false",
    "[::127.0.0.1], 1, true",
    "localhost, 1, false",
    "api.localhost, 1, false",
    "localtest.me, 1, false",
    "10.20.30.40, 2, false",
    "172.31.255.255, 2, false",
    "192.168.0.1, 2, false",
    "100.64.0.1, 2, false",
    "[fc00::1], 2, false",
    "[fe80::1%25eth0], 3, false",
    "169.254.1.1, 3, false",
    "ip-10-0-0-1.ec2.internal, 5, false",
    "redis.default.svc.cluster.local, 5, false",
    "x.oastify.com, 6, false",
    "127.0.0.1.nip.io, 1, true",
    "10-0-0-1.sslip.io, 2, true",
    "example.com, 0, false",
    "8.8.8.8, 0, false",
    "172.32.0.1, 0, false",
    "134744072, 0, true",
    "[2001:db8::1], 0, false",
    "1.2.3.4.5, 0, false",
    "256.1.1.1, 0, false",
    "09.1.1.1, 0, false",
  })
  void classifiesHostsInEveryNotation(String host, int kind, boolean obfuscated) {
    Hosts.Verdict v = Hosts.classify(host);

    assertThat(v.kind).as("kind of %s", host).isEqualTo(kind);
    assertThat(v.obfuscated).as("obfuscated %s", host).isEqualTo(obfuscated);
  }

  @ParameterizedTest
  @CsvSource({"%31%32%37.0.0.1, 1", "①②⑦.⓪.⓪.①, 1", "１２７．０．０．１, 1", "127。0。0。1, 1"})
  void foldsEncodedAndFullWidthForms(String host, int kind) {
    assertThat(Hosts.classify(host).kind).isEqualTo(kind);
  }
}
