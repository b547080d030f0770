package dev.bulwark.rules.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExecuteApiArnsTest {

  @ParameterizedTest
  @CsvSource({
    "arn:aws:execute-api:eu-west-1:111122223333:*, true, false",
    "arn:aws:execute-api:eu-west-1:111122223333:*/*/GET/items, true, false",
    "arn:aws:execute-api:*:*:*, true, true",
    "arn:aws:execute-api:*, true, true",
    "*, true, true",
    "arn:aws:execute-api:eu-west-1:111122223333:a1b2c3d4e5/*, false, false",
    "arn:aws:execute-api:eu-west-1:*:a1b2c3d4e5/*/*/*, false, true",
    "'arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*', false, false",
    "'arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:*', true, false",
    "'${ExternalApiArn}', false, true"
  })
  void judgesWhetherASourceArnPinsOneApi(String arn, boolean anyApi, boolean anyAccount) {
    assertThat(ExecuteApiArns.anyApi(arn)).as("any API").isEqualTo(anyApi);
    assertThat(ExecuteApiArns.anyAccount(arn)).as("any account").isEqualTo(anyAccount);
  }
}
