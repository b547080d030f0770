package dev.bulwark.rules.lambda;

import dev.bulwark.core.Finding;
import dev.bulwark.core.SourceLocation;
import dev.bulwark.model.Attr;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Function;
import dev.bulwark.model.Ref;
import dev.bulwark.model.Resource;
import dev.bulwark.model.ResourceMeta;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleCatalog;
import dev.bulwark.rules.RuleSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built models for rule tests that must not depend on a template adapter. */
final class Models {

  static final String FILE = "template.yaml";

  private Models() {}

  static SourceLocation at(int line) {
    return SourceLocation.of(FILE, line);
  }

  static ResourceMeta meta(String id, String type, int line) {
    return ResourceMeta.of(id, type, at(line));
  }

  static <T> Attr<T> absent(int line) {
    return Attr.absent(at(line));
  }

  static <T> Attr<T> unknown(int line, String shape) {
    return Attr.unknown(at(line), shape, List.of());
  }

  static CloudModel model(Resource... resources) {
    return CloudModel.builder(FILE).addAll(List.of(resources)).build();
  }

  static List<Finding> run(Rule rule, CloudModel model, RuleSettings settings) {
    Findings findings = new Findings(RuleCatalog.metadata(rule), settings);
    rule.check(model, findings);
    return findings.results();
  }

  static List<Finding> run(Rule rule, CloudModel model) {
    return run(rule, model, RuleSettings.defaults());
  }

  static FunctionBuilder function(String id, int line) {
    return new FunctionBuilder(id, line);
  }

  /** A function with the service defaults; each setter writes an explicit value on a line. */
  static final class FunctionBuilder {
    private final String id;
    private final int line;
    private Attr<String> runtime;
    private Attr<String> packageType;
    private Attr<Integer> timeout;
    private Attr<String> tracing;
    private Attr<Function.VpcConfig> vpc;
    private final List<Function.EnvVar> environment = new ArrayList<>();
    private Attr<Ref> kmsKey;
    private Attr<Integer> reservedConcurrency;
    private Attr<Ref> codeSigning;
    private final List<Attr<Ref>> layers = new ArrayList<>();
    private Attr<Ref> deadLetter;
    private Attr<Ref> logGroup;
    private Attr<String> name;
    private Function.Code.Kind codeKind = Function.Code.Kind.LOCAL;
    private final Map<String, Attr<String>> tags = new LinkedHashMap<>();

    private FunctionBuilder(String id, int line) {
      this.id = id;
      this.line = line;
      SourceLocation owner = at(line);
      runtime = Attr.of("python3.13", at(line + 1));
      packageType = Attr.defaulted("Zip", owner);
      timeout = Attr.defaulted(3, owner);
      tracing = Attr.defaulted("PassThrough", owner);
      vpc = Attr.absent(owner);
      kmsKey = Attr.absent(owner);
      reservedConcurrency = Attr.absent(owner);
      codeSigning = Attr.absent(owner);
      deadLetter = Attr.absent(owner);
      logGroup = Attr.absent(owner);
      name = Attr.absent(owner);
    }

    FunctionBuilder runtime(Attr<String> value) {
      this.runtime = value;
      return this;
    }

    FunctionBuilder runtime(String value, int at) {
      return runtime(Attr.of(value, at(at)));
    }

    FunctionBuilder image() {
      this.runtime = Attr.absent(at(line));
      this.packageType = Attr.of("Image", at(line + 1));
      this.codeKind = Function.Code.Kind.IMAGE;
      return this;
    }

    FunctionBuilder timeout(int seconds, int at) {
      this.timeout = Attr.of(seconds, at(at));
      return this;
    }

    FunctionBuilder timeout(Attr<Integer> value) {
      this.timeout = value;
      return this;
    }

    FunctionBuilder tracing(String mode, int at) {
      return tracing(Attr.of(mode, at(at)));
    }

    FunctionBuilder tracing(Attr<String> value) {
      this.tracing = value;
      return this;
    }

    FunctionBuilder vpc(Attr<Function.VpcConfig> value) {
      this.vpc = value;
      return this;
    }

    FunctionBuilder env(String variable, String value, int at) {
      environment.add(new Function.EnvVar(variable, Attr.of(value, at(at)), at(at)));
      return this;
    }

    FunctionBuilder env(String variable, Attr<String> value, int at) {
      environment.add(new Function.EnvVar(variable, value, at(at)));
      return this;
    }

    FunctionBuilder kmsKey(Attr<Ref> value) {
      this.kmsKey = value;
      return this;
    }

    FunctionBuilder reservedConcurrency(Attr<Integer> value) {
      this.reservedConcurrency = value;
      return this;
    }

    FunctionBuilder codeSigning(Attr<Ref> value) {
      this.codeSigning = value;
      return this;
    }

    FunctionBuilder layer(Attr<Ref> value) {
      layers.add(value);
      return this;
    }

    FunctionBuilder layer(String arn, int at) {
      return layer(Attr.of(Ref.literal(arn), at(at)));
    }

    FunctionBuilder deadLetter(Attr<Ref> value) {
      this.deadLetter = value;
      return this;
    }

    FunctionBuilder logGroup(Attr<Ref> value) {
      this.logGroup = value;
      return this;
    }

    FunctionBuilder name(String value, int at) {
      return name(Attr.of(value, at(at)));
    }

    FunctionBuilder name(Attr<String> value) {
      this.name = value;
      return this;
    }

    FunctionBuilder tag(String key, String value, int at) {
      tags.put(key, Attr.of(value, at(at)));
      return this;
    }

    Function build() {
      SourceLocation owner = at(line);
      ResourceMeta meta =
          new ResourceMeta(id, "AWS::Serverless::Function", owner, tags, List.of(), null);
      return new Function(
          meta, name, runtime, Attr.of("app.handler", owner), packageType,
          Attr.defaulted(128, owner), timeout, tracing, vpc, environment, kmsKey,
          reservedConcurrency, codeSigning, layers, Attr.absent(owner), deadLetter, logGroup,
          Attr.absent(owner),
          new Function.Code(codeKind, Attr.of("src/", owner), Attr.absent(owner)));
    }
  }
}
