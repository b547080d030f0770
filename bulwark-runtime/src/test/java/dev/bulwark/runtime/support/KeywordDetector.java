package dev.bulwark.runtime.support;

import dev.bulwark.runtime.detect.AttackClass;
import dev.bulwark.runtime.detect.Detection;
import dev.bulwark.runtime.detect.Detector;
import dev.bulwark.runtime.detect.Input;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A stand-in detector for the runtime's own tests (the real engine is tested in its package):
 * {@code ' or 1=1} and {@code union select} are SQL injection, {@code <script} is XSS, {@code
 * ../} path traversal, {@code maybe-sql} a low-confidence SQL injection.
 */
public final class KeywordDetector implements Detector {
  @Override
  public List<Detection> detect(Input input) {
    String v = input.value().toLowerCase(Locale.ROOT);
    List<Detection> out = new ArrayList<>();
    if (v.contains("' or 1=1") || v.contains("union select")) {
      out.add(new Detection(AttackClass.SQL_INJECTION, "sqli.test", 0.9, input.location(), excerpt(input.value())));
    }
    if (v.contains("<script")) {
      out.add(new Detection(AttackClass.XSS, "xss.test", 0.9, input.location(), excerpt(input.value())));
    }
    if (v.contains("../")) {
      out.add(new Detection(AttackClass.PATH_TRAVERSAL, "path.test", 0.9, input.location(), excerpt(input.value())));
    }
    if (v.contains("maybe-sql")) {
      out.add(new Detection(AttackClass.SQL_INJECTION, "sqli.weak", 0.2, input.location(), excerpt(input.value())));
    }
    return out;
  }

  private static String excerpt(String s) {
    return s.length() > 64 ? s.substring(0, 64) : s;
  }
}
