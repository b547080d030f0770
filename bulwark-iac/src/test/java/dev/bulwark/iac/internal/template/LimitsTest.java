package dev.bulwark.iac.internal.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.ScanError;
import dev.bulwark.core.ScanError.Kind;
import dev.bulwark.iac.IacOptions;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each safety limit ends reading with a LIMIT error naming the file and the line. */
class LimitsTest {

  private static ScanError limitError(TemplateReader.Result r) {
    assertThat(r.template()).isNull();
    assertThat(r.errors()).hasSize(1);
    ScanError e = r.errors().get(0);
    assertThat(e.kind()).isEqualTo(Kind.LIMIT);
    return e;
  }

  private static TemplateReader.Result readFile(Path dir, String name, String content, IacOptions o)
      throws Exception {
    Path f = Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    return TemplateReader.read(f, name, o);
  }

  @Test
  void aFileOverTheSizeLimitIsNotRead(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.yaml");
    long over = IacOptions.Limits.defaults().maxFileBytes() + 1;
    try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) {
      raf.setLength(over); // sparse: the size is checked before anything is read
    }
    ScanError e = limitError(TemplateReader.read(big, "big.yaml", IacOptions.defaults()));
    assertThat(e.file()).isEqualTo("big.yaml");
    assertThat(e.line()).isZero();
    assertThat(e.message()).contains(over + " bytes, more than the limit of " + (over - 1));
  }

  @Test
  void aSmallerSizeLimitCanBeSet(@TempDir Path dir) throws Exception {
    IacOptions small = new IacOptions(java.util.Map.of(), new IacOptions.Limits(100, 200, 100, 1000));
    String text = "Resources:\n  T:\n    Type: AWS::SNS::Topic\n" + "# padding\n".repeat(20);
    assertThat(limitError(readFile(dir, "t.yaml", text, small)).message()).contains("limit of 100");
  }

  @Test
  void aBillionLaughsAliasBombStopsAtTheNodeBudget(@TempDir Path dir) throws Exception {
    StringBuilder y = new StringBuilder("AWSTemplateFormatVersion: \"2010-09-09\"\n");
    y.append("L0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i <= 9; i++) {
      y.append("L").append(i).append(": &l").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        y.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
      }
      y.append("]\n");
    }
    y.append("Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      Bomb: *l9\n");
    ScanError e = limitError(readFile(dir, "bomb.yaml", y.toString(), IacOptions.defaults()));
    assertThat(e.file()).isEqualTo("bomb.yaml");
    assertThat(e.message()).contains("more than 2000000 values (after expanding aliases)");
    assertThat(e.line()).isBetween(6, 11);
  }

  @Test
  void tooManyAliasesToCollectionsAreRefused(@TempDir Path dir) throws Exception {
    StringBuilder y = new StringBuilder("Base: &b {a: 1}\nResources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      Many:\n");
    for (int i = 0; i < 101; i++) {
      y.append("        - *b\n");
    }
    ScanError e = limitError(readFile(dir, "aliases.yaml", y.toString(), IacOptions.defaults()));
    assertThat(e.message()).contains("more than 100 aliases");
    assertThat(e.line()).isEqualTo(107);
  }

  @Test
  void scalarAliasesCannotBuildHugeStrings(@TempDir Path dir) throws Exception {
    IacOptions o = new IacOptions(java.util.Map.of(), new IacOptions.Limits(256 * 1024, 200, 100, 2_000_000));
    StringBuilder y = new StringBuilder("Big: &s \"" + "x".repeat(100_000) + "\"\nResources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      Joined: !Join\n        - \"\"\n        -\n");
    for (int i = 0; i < 60; i++) {
      y.append("          - *s\n");
    }
    ScanError e = limitError(readFile(dir, "join.yaml", y.toString(), o));
    assertThat(e.message()).contains("resolving intrinsic functions built more than");
    assertThat(e.line()).isEqualTo(6);
  }

  @Test
  void splitCannotBuildMoreValuesThanTheNodeBudget(@TempDir Path dir) throws Exception {
    IacOptions o = new IacOptions(java.util.Map.of(), new IacOptions.Limits(1 << 20, 200, 100, 1000));
    String y = "Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      Parts: !Split [\",\", \"" + ",".repeat(5000) + "\"]\n";
    ScanError e = limitError(readFile(dir, "split.yaml", y, o));
    assertThat(e.message()).contains("more than 1000 values");
    assertThat(e.line()).isEqualTo(5);
  }

  @Test
  void tenThousandNestedYamlFlowListsGiveALimitErrorNotAStackOverflow(@TempDir Path dir) throws Exception {
    String y = "Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      Deep: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    ScanError e = limitError(readFile(dir, "deep.yaml", y, IacOptions.defaults()));
    assertThat(e.file()).isEqualTo("deep.yaml");
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.message()).contains("nesting deeper than 200 levels");
  }

  @Test
  void tenThousandNestedYamlBlockListsGiveALimitError(@TempDir Path dir) throws Exception {
    String y = "Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      Deep:\n        " + "- ".repeat(10_000) + "x\n";
    ScanError e = limitError(readFile(dir, "deep.yaml", y, IacOptions.defaults()));
    assertThat(e.message()).contains("nesting deeper than 200 levels");
  }

  @Test
  void tenThousandNestedJsonArraysAndObjectsGiveALimitError(@TempDir Path dir) throws Exception {
    String arrays = "{\"Resources\": {\"T\": {\"Type\": \"AWS::SNS::Topic\", \"Properties\": {\"Deep\":\n" + "[".repeat(10_000) + "]".repeat(10_000) + "}}}}";
    ScanError a = limitError(readFile(dir, "deep.json", arrays, IacOptions.defaults()));
    assertThat(a.line()).isEqualTo(2);
    assertThat(a.message()).contains("nesting deeper than 200 levels");
    String objects = "{\"Resources\":\n" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}";
    ScanError o = limitError(readFile(dir, "deep2.json", objects, IacOptions.defaults()));
    assertThat(o.line()).isEqualTo(2);
  }

  @Test
  void nestingWithinTheLimitIsRead(@TempDir Path dir) throws Exception {
    String y = "Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      Deep: " + "[".repeat(150) + "]".repeat(150) + "\n";
    TemplateReader.Result r = readFile(dir, "ok.yaml", y, IacOptions.defaults());
    assertThat(r.errors()).isEmpty();
    assertThat(r.template()).isNotNull();
  }
}
