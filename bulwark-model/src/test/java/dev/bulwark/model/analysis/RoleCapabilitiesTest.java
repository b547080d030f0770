package dev.bulwark.model.analysis;

import static dev.bulwark.model.analysis.Models.absent;
import static dev.bulwark.model.analysis.Models.allow;
import static dev.bulwark.model.analysis.Models.deny;
import static dev.bulwark.model.analysis.Models.inline;
import static dev.bulwark.model.analysis.Models.managedPolicy;
import static dev.bulwark.model.analysis.Models.of;
import static dev.bulwark.model.analysis.Models.role;
import static dev.bulwark.model.analysis.Models.unknown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Ref;
import dev.bulwark.model.Resource;
import dev.bulwark.model.Role;
import dev.bulwark.model.RoleCapabilities;
import dev.bulwark.model.RoleCapabilities.Level;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoleCapabilitiesTest {

  private static RoleCapabilities caps(Role role, Resource... others) {
    List<Resource> all = new ArrayList<>(List.of(others));
    all.add(role);
    CloudModel model = CloudModel.builder(Models.FILE).addAll(all).build();
    return RoleCapabilities.of(model, role);
  }

  private static RoleCapabilities managed(String... arns) {
    return caps(role("R", List.of(), List.of(arns), absent()));
  }

  @Test
  void everyActionOnEveryResourceIsAdmin() {
    RoleCapabilities c = caps(role("R", inline("All", allow(List.of("*"), "*"))));
    assertThat(c.isAdmin()).isTrue();
    assertThat(c.mostDangerous().map(RoleCapabilities.Danger::level)).contains(Level.ADMIN);
    assertThat(c.worst()).contains("is admin (* on * (policy All))");
  }

  @Test
  void administratorAccessIsAdminAndPowerUserAccessIsNearAdmin() {
    assertThat(managed("arn:aws:iam::aws:policy/AdministratorAccess").isAdmin()).isTrue();
    RoleCapabilities power = managed("arn:aws:iam::aws:policy/PowerUserAccess");
    assertThat(power.isAdmin()).isFalse();
    assertThat(power.nearAdmin()).isPresent();
    assertThat(power.nearAdmin().get().describe())
        .isEqualTo("every action except iam:*, organizations:*, account:* on *"
            + " (policy PowerUserAccess)");
  }

  @Test
  void anUnconditionalDenyTakesAwayAdminAndTheDeniedActions() {
    RoleCapabilities c =
        caps(role("R", inline("All", allow(List.of("*"), "*"), deny(List.of("iam:*"), "*"))));
    assertThat(c.isAdmin()).isFalse();
    assertThat(c.isEffective("iam:PutRolePolicy")).isFalse();
    assertThat(c.isEffective("s3:PutObject")).isTrue();
    assertThat(c.escalationPaths()).extracting(RoleCapabilities.Escalation::action)
        .doesNotContain("iam:PutRolePolicy")
        .contains("lambda:UpdateFunctionCode");
  }

  @Test
  void anUnresolvedPermissionsBoundaryLeavesNoEffectiveCapability() {
    Role bounded =
        role("R", List.of(inline("All", allow(List.of("*"), "*"))), List.of(),
            unknown("${BoundaryArn}"));
    RoleCapabilities c = caps(bounded);
    assertThat(c.boundary()).isEqualTo(RoleCapabilities.Boundary.UNKNOWN);
    assertThat(c.isAdmin()).isFalse();
    assertThat(c.canEscalate()).isFalse();
    assertThat(c.canWriteData()).isFalse();
    assertThat(c.mostDangerous()).isEmpty();
    assertThat(c.grants()).hasSize(1);
  }

  @Test
  void aKnownPermissionsBoundaryLimitsTheEffectiveActions() {
    Role bounded =
        role("R", List.of(inline("All", allow(List.of("*"), "*"))), List.of(),
            of(Ref.to("Boundary")));
    RoleCapabilities c =
        caps(bounded, managedPolicy("Boundary", allow(List.of("s3:*", "logs:*"), "*")));
    assertThat(c.boundary()).isEqualTo(RoleCapabilities.Boundary.KNOWN);
    assertThat(c.isAdmin()).isFalse();
    assertThat(c.isEffective("s3:PutObject")).isTrue();
    assertThat(c.isEffective("dynamodb:PutItem")).isFalse();
    assertThat(c.canEscalate()).isFalse();
    assertThat(c.mostDangerous().map(RoleCapabilities.Danger::level))
        .contains(Level.BROAD_DATA_WRITE);
  }

  @Test
  void iamPolicyChangesEscalateOnAnyResource() {
    RoleCapabilities c =
        caps(role("R", inline("Self",
            allow(List.of("iam:PutRolePolicy"), "arn:aws:iam::111122223333:role/app"))));
    assertThat(c.escalationPaths()).extracting(RoleCapabilities.Escalation::action)
        .containsExactly("iam:PutRolePolicy");
  }

  @Test
  void codeChangesEscalateOnlyOnEveryResource() {
    RoleCapabilities own =
        caps(role("R", inline("Deploy", allow(List.of("lambda:UpdateFunctionCode"),
            "arn:aws:lambda:eu-west-1:111122223333:function:app"))));
    assertThat(own.canEscalate()).isFalse();
    RoleCapabilities any =
        caps(role("R", inline("Deploy", allow(List.of("lambda:UpdateFunctionCode"), "*"))));
    assertThat(any.canEscalate()).isTrue();
  }

  @Test
  void passRoleEscalatesOnlyOnEveryRoleAndWithACompanion() {
    RoleCapabilities withCompanion =
        caps(role("R", inline("P", allow(List.of("iam:PassRole"), "*"),
            allow(List.of("lambda:CreateFunction"), "*"))));
    assertThat(withCompanion.escalationPaths()).hasSize(1);
    assertThat(withCompanion.escalationPaths().get(0).describe())
        .isEqualTo("iam:PassRole with lambda:CreateFunction (iam:PassRole on * (policy P))");
    RoleCapabilities alone = caps(role("R", inline("P", allow(List.of("iam:PassRole"), "*"))));
    assertThat(alone.canEscalate()).isFalse();
    RoleCapabilities scoped =
        caps(role("R", inline("P",
            allow(List.of("iam:PassRole"), "arn:aws:iam::111122223333:role/worker"),
            allow(List.of("lambda:CreateFunction"), "*"))));
    assertThat(scoped.canEscalate()).isFalse();
    RoleCapabilities anyRoleByArn =
        caps(role("R", inline("P",
            allow(List.of("iam:PassRole"), "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/*"),
            allow(List.of("lambda:CreateFunction"), "*"))));
    assertThat(anyRoleByArn.canEscalate()).isTrue();
  }

  @Test
  void writesToOneTableAreDataWritesButNotBroadOnes() {
    RoleCapabilities one =
        caps(role("R", inline("Crud", allow(List.of("dynamodb:PutItem"),
            "arn:aws:dynamodb:eu-west-1:111122223333:table/orders"))));
    assertThat(one.canWriteData()).isTrue();
    assertThat(one.broadDataWrites()).isEmpty();
    assertThat(one.mostDangerous()).isEmpty();
    RoleCapabilities every =
        caps(role("R", inline("Crud", allow(List.of("dynamodb:*"), "arn:aws:dynamodb:*:*:table/*"))));
    assertThat(every.broadDataWrites()).hasSize(1);
    assertThat(every.worst())
        .contains("can write data (dynamodb:* on arn:aws:dynamodb:*:*:table/* (policy Crud))");
  }

  @Test
  void readsAreNotDataWrites() {
    RoleCapabilities c =
        caps(role("R", inline("Read", allow(List.of("dynamodb:GetItem", "s3:Get*"), "*"))));
    assertThat(c.canWriteData()).isFalse();
    assertThat(c.writesOnAllResources()).isEmpty();
  }

  @Test
  void writesOnAllResourcesLeaveOutActionsThatTakeNoResource() {
    RoleCapabilities c =
        caps(role("R", inline("P",
            allow(List.of("logs:CreateLogGroup", "xray:PutTraceSegments",
                "ec2:CreateNetworkInterface", "cloudwatch:PutMetricData", "s3:PutObject",
                "iam:CreateRole"), "*"))));
    assertThat(c.writesOnAllResources()).extracting(RoleCapabilities.Grant::action)
        .containsExactly("s3:PutObject", "iam:CreateRole");
  }

  @Test
  void basicExecutionRoleIsBaselineOnly() {
    assertThat(managed("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")
            .isBaselineOnly())
        .isTrue();
    assertThat(caps(role("R", inline("Logs",
            allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                "arn:aws:logs:*:*:log-group:/aws/lambda/app:*"))))
            .isBaselineOnly())
        .isTrue();
    assertThat(caps(role("R", inline("Read", allow(List.of("s3:GetObject"), "*"))))
            .isBaselineOnly())
        .isFalse();
    assertThat(managed("arn:aws:iam::aws:policy/SomethingBulwarkDoesNotKnow").isBaselineOnly())
        .isFalse();
  }

  @Test
  void escalationOutranksBroadWrites() {
    RoleCapabilities c =
        caps(role("R", inline("P", allow(List.of("s3:*"), "*"),
            allow(List.of("iam:AttachRolePolicy"), "*"))));
    assertThat(c.mostDangerous().map(RoleCapabilities.Danger::level)).contains(Level.ESCALATION);
  }
}
