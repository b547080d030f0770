package dev.bulwark.iac.internal.template;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Names of CloudFormation intrinsic functions and their YAML short-form tags. */
final class Intrinsics {

  static final String REF = "Ref";
  static final String CONDITION = "Condition";
  static final String GET_ATT = "Fn::GetAtt";
  static final String SUB = "Fn::Sub";
  static final String JOIN = "Fn::Join";
  static final String IF = "Fn::If";
  static final String EQUALS = "Fn::Equals";
  static final String AND = "Fn::And";
  static final String OR = "Fn::Or";
  static final String NOT = "Fn::Not";
  static final String SELECT = "Fn::Select";
  static final String SPLIT = "Fn::Split";
  static final String FIND_IN_MAP = "Fn::FindInMap";
  static final String IMPORT_VALUE = "Fn::ImportValue";
  static final String BASE64 = "Fn::Base64";
  static final String CIDR = "Fn::Cidr";
  static final String GET_AZS = "Fn::GetAZs";
  static final String TRANSFORM = "Fn::Transform";
  static final String LENGTH = "Fn::Length";
  static final String TO_JSON_STRING = "Fn::ToJsonString";
  static final String FOR_EACH_PREFIX = "Fn::ForEach::";

  private static final Map<String, String> BY_TAG =
      Map.ofEntries(
          Map.entry("!Ref", REF),
          Map.entry("!Condition", CONDITION),
          Map.entry("!GetAtt", GET_ATT),
          Map.entry("!Sub", SUB),
          Map.entry("!Join", JOIN),
          Map.entry("!If", IF),
          Map.entry("!Equals", EQUALS),
          Map.entry("!And", AND),
          Map.entry("!Or", OR),
          Map.entry("!Not", NOT),
          Map.entry("!Select", SELECT),
          Map.entry("!Split", SPLIT),
          Map.entry("!FindInMap", FIND_IN_MAP),
          Map.entry("!ImportValue", IMPORT_VALUE),
          Map.entry("!Base64", BASE64),
          Map.entry("!Cidr", CIDR),
          Map.entry("!GetAZs", GET_AZS),
          Map.entry("!Transform", TRANSFORM),
          Map.entry("!Length", LENGTH),
          Map.entry("!ToJsonString", TO_JSON_STRING));

  private Intrinsics() {}

  /** The long-form name of a YAML short-form tag ({@code !Sub} → {@code Fn::Sub}), or null. */
  static @Nullable String forTag(String tag) {
    return BY_TAG.get(tag);
  }
}
