package dev.bulwark.iac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.ScanError;
import dev.bulwark.model.CloudModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudFormationAdapterTest {

  private static final String TEMPLATE =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Resources:
        Queue:
          Type: AWS::SQS::Queue
        Topic:
          Type: AWS::SNS::Topic
          Properties:
            TopicName: !Sub "${AWS::StackName}-topic"
      """;

  @Test
  void keepsParameterDeclarationsWithTheirDefaultsAndNoEcho(@TempDir Path dir) throws Exception {
    Path t = dir.resolve("params.yaml");
    Files.writeString(t, String.join("\n",
        "AWSTemplateFormatVersion: '2010-09-09'",
        "Parameters:",
        "  DbPassword:",
        "    Type: String",
        "    NoEcho: true",
        "    Default: s3cr3t-value",
        "  Stage:",
        "    Type: String",
        "Resources:",
        "  Q:",
        "    Type: AWS::SQS::Queue",
        ""));
    CloudModel model = new CloudFormationAdapter().load(t, "params.yaml", IacOptions.defaults())
        .model();
    assertThat(model.parameters()).hasSize(2);
    var password = model.parameters().get(0);
    assertThat(password.name()).isEqualTo("DbPassword");
    assertThat(password.noEcho()).isTrue();
    assertThat(password.defaultValue().get()).isEqualTo("s3cr3t-value");
    assertThat(password.defaultValue().location().startLine()).isEqualTo(6);
    assertThat(model.parameters().get(1).defaultValue().isAbsent()).isTrue();
  }

  @Test
  void isRegisteredUnderItsName() {
    assertThat(Adapters.all()).extracting(IacAdapter::name).contains("cloudformation");
  }

  @Test
  void forFilePicksTheCloudFormationAdapterForATemplateAndNothingForOtherFiles() {
    byte[] template = TEMPLATE.getBytes(StandardCharsets.UTF_8);
    assertThat(Adapters.forFile(Path.of("template.yaml"), template))
        .map(IacAdapter::name)
        .contains(CloudFormationAdapter.NAME);
    byte[] pkg = "{\"name\": \"x\", \"version\": \"1.0.0\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(Adapters.forFile(Path.of("package.json"), pkg)).isEmpty();
  }

  @Test
  void loadReadsTheTemplateAndMapsItToAModelNamedAfterTheFile(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("template.yaml"), TEMPLATE);
    LoadResult r = new CloudFormationAdapter().load(f, "infra/template.yaml", IacOptions.defaults());
    assertThat(r.errors()).isEmpty();
    CloudModel model = r.model();
    assertThat(model).isNotNull();
    assertThat(model.name()).isEqualTo("infra/template.yaml");
    assertThat(model.location().endLine()).isEqualTo(8);
    assertThat(model.resource("Queue")).isPresent();
    assertThat(model.resource("Topic")).isPresent();
  }

  @Test
  void loadGivesNoModelAndTheParseErrorForABrokenFile(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("t.yaml"), "AWSTemplateFormatVersion: x\nResources: [\n");
    LoadResult r = new CloudFormationAdapter().load(f, "t.yaml", IacOptions.defaults());
    assertThat(r.model()).isNull();
    assertThat(r.errors()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(ScanError.Kind.PARSE);
      assertThat(e.file()).isEqualTo("t.yaml");
      assertThat(e.line()).isEqualTo(3);
    });
  }

  @Test
  void loadKeepsReadingErrorsNextToTheModel(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("t.yaml"), TEMPLATE + "  Topic2:\n    Properties: {}\n");
    LoadResult r = new CloudFormationAdapter().load(f, "t.yaml", IacOptions.defaults());
    assertThat(r.model()).isNotNull();
    assertThat(r.errors()).extracting(ScanError::line, ScanError::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(9, ScanError.Kind.INVALID));
  }

  @Test
  void loadOfADirectoryIsAnIoErrorNotAnException(@TempDir Path dir) {
    LoadResult r = new CloudFormationAdapter().load(dir, "somewhere", IacOptions.defaults());
    assertThat(r.model()).isNull();
    assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo(ScanError.Kind.IO));
  }

  @Test
  void anUnexpectedExceptionBecomesAnInternalErrorNamingTheFile() {
    Path broken =
        (Path)
            java.lang.reflect.Proxy.newProxyInstance(
                Path.class.getClassLoader(),
                new Class<?>[] {Path.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("toString")) {
                    return "broken";
                  }
                  throw new IllegalStateException("file system failure");
                });
    LoadResult r = new CloudFormationAdapter().load(broken, "infra/t.yaml", IacOptions.defaults());
    assertThat(r.model()).isNull();
    assertThat(r.errors()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(ScanError.Kind.INTERNAL);
      assertThat(e.file()).isEqualTo("infra/t.yaml");
      assertThat(e.message()).contains("IllegalStateException: file system failure");
    });
  }
}
