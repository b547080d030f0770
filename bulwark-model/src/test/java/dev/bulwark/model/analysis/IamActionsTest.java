package dev.bulwark.model.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.AwsManagedPolicies;
import dev.bulwark.model.IamActions;
import dev.bulwark.model.IamActions.AccessLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IamActionsTest {

  @ParameterizedTest
  @CsvSource({
    "*, true",
    "arn:aws:s3:::*, true",
    "arn:aws:s3:::orders/*, false",
    "arn:aws:s3:::app-*, false",
    "arn:aws:dynamodb:*:*:table/*, true",
    "arn:aws:dynamodb:eu-west-1:111122223333:table/orders, false",
    "arn:aws:sqs:*:*:*, true",
    "arn:aws:lambda:*:*:function:*, true",
    "arn:aws:iam::*:role/*, true",
    "'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/*', true",
    "'arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${Table}', false",
    "orders, false"
  })
  void judgesWhetherAResourceDesignatesEveryResourceOfItsKind(String resource, boolean broad) {
    assertThat(IamActions.isBroadResource(resource)).isEqualTo(broad);
  }

  @Test
  void splitsArnsKeepingPlaceholdersWhole() {
    assertThat(IamActions.arnParts("arn:${AWS::Partition}:execute-api:${AWS::Region}:1:abc/*"))
        .containsExactly("arn", "${AWS::Partition}", "execute-api", "${AWS::Region}", "1", "abc/*");
    assertThat(IamActions.arnParts("arn:aws:secretsmanager:r:1:secret:name:json"))
        .endsWith("secret:name:json");
  }

  @Test
  void matchesActionsCaseInsensitivelyWithWildcards() {
    assertThat(IamActions.matches("S3:Put*", "s3:PutObject")).isTrue();
    assertThat(IamActions.matches("s3:?etObject", "s3:GetObject")).isTrue();
    assertThat(IamActions.matches("s3:Get*", "s3:PutObject")).isFalse();
    assertThat(IamActions.matches("*", "iam:PassRole")).isTrue();
  }

  @Test
  void knowsActionsThatTakeNoResource() {
    assertThat(IamActions.isStarOnly("xray:PutTraceSegments")).isTrue();
    assertThat(IamActions.isStarOnly("ec2:DescribeSubnets")).isTrue();
    assertThat(IamActions.isStarOnly("ec2:Describe*")).isTrue();
    assertThat(IamActions.isStarOnly("logs:CreateLogDelivery")).isTrue();
    assertThat(IamActions.isStarOnly("logs:*")).isFalse();
    assertThat(IamActions.isStarOnly("s3:PutObject")).isFalse();
  }

  @Test
  void classifiesAccessLevels() {
    assertThat(IamActions.accessLevel("s3:GetObject")).isEqualTo(AccessLevel.READ);
    assertThat(IamActions.accessLevel("s3:ListBucket")).isEqualTo(AccessLevel.LIST);
    assertThat(IamActions.accessLevel("s3:PutBucketPolicy"))
        .isEqualTo(AccessLevel.PERMISSIONS_MANAGEMENT);
    assertThat(IamActions.accessLevel("iam:CreateRole"))
        .isEqualTo(AccessLevel.PERMISSIONS_MANAGEMENT);
    assertThat(IamActions.accessLevel("dynamodb:PutItem")).isEqualTo(AccessLevel.WRITE);
    assertThat(IamActions.accessLevel("dynamodb:BatchWriteItem")).isEqualTo(AccessLevel.WRITE);
    assertThat(IamActions.accessLevel("ecr:BatchCheckLayerAvailability"))
        .isEqualTo(AccessLevel.READ);
    assertThat(IamActions.accessLevel("bedrock:InvokeModel")).isEqualTo(AccessLevel.READ);
    assertThat(IamActions.accessLevel("bedrock-runtime:InvokeModelWithResponseStream"))
        .isEqualTo(AccessLevel.READ);
    assertThat(IamActions.grantsWriteOrPermissions("bedrock-runtime:InvokeModel")).isFalse();
    assertThat(IamActions.accessLevel("ec2:CreateTags")).isEqualTo(AccessLevel.TAGGING);
    assertThat(IamActions.grantsWriteOrPermissions("dynamodb:Get*")).isFalse();
    assertThat(IamActions.grantsWriteOrPermissions("dynamodb:*")).isTrue();
  }

  @Test
  void judgesManagedPoliciesBroadByKnowledgeOrName() {
    assertThat(AwsManagedPolicies.isBroad("arn:aws:iam::aws:policy/AmazonS3FullAccess")).isTrue();
    assertThat(AwsManagedPolicies.isBroad("arn:aws:iam::aws:policy/service-role/AWSLambdaRole"))
        .isTrue();
    assertThat(AwsManagedPolicies.isBroad("arn:aws:iam::aws:policy/AmazonKinesisVideoStreamsFullAccess"))
        .isTrue();
    assertThat(AwsManagedPolicies.isBroad(
            "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"))
        .isFalse();
    assertThat(AwsManagedPolicies.isBroad("arn:aws:iam::111122223333:policy/MyFullAccess"))
        .isFalse();
    assertThat(AwsManagedPolicies.isAdministrative("arn:aws:iam::aws:policy/PowerUserAccess"))
        .isTrue();
  }
}
