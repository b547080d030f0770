package dev.bulwark.runtime.detect.internal;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.bulwark.runtime.detect.AttackClass;
import dev.bulwark.runtime.detect.Input;
import java.util.List;

/**
 * Insecure deserialization payloads: Java serialization streams (base64 {@code rO0AB…}, hex {@code
 * aced0005…} or raw), .NET BinaryFormatter ({@code AAEAAAD/////}), Python pickles calling a
 * function, PHP serialized objects, node-serialize functions, YAML type tags that construct classes
 * ({@code !!javax.script.ScriptEngineManager}, {@code !!python/object/apply:os.system}), and the
 * known gadget classes wherever they appear, notably in JSON type hints ({@code "@type"}). A type
 * hint naming some other class is reported with less confidence.
 */
public final class DeserializationAnalyser extends Analyser {

  private static final String[] GADGETS = {
    "com.sun.rowset.jdbcrowsetimpl", "org.apache.commons.collections.functors",
    "org.apache.commons.collections4.functors", "org.apache.xalan.xsltc.trax.templatesimpl",
    "com.sun.org.apache.xalan.internal.xsltc.trax.templatesimpl",
    "org.springframework.beans.factory.config.propertypathfactorybean",
    "org.springframework.context.support.classpathxmlapplicationcontext",
    "org.springframework.context.support.filesystemxmlapplicationcontext",
    "ch.qos.logback.core.db.drivermanagerconnectionsource",
    "org.apache.tomcat.dbcp.dbcp2.basicdatasource", "org.apache.commons.dbcp.basicdatasource",
    "org.apache.commons.dbcp2.basicdatasource", "com.mchange.v2.c3p0.wrapperconnectionpooldatasource",
    "com.mchange.v2.c3p0.jndirefforwardingdatasource",
    "org.apache.ibatis.datasource.jndi.jndidatasourcefactory", "com.zaxxer.hikari.hikariconfig",
    "org.hibernate.jmx.statisticsservice", "javax.script.scriptenginemanager",
    "java.net.urlclassloader", "java.lang.processbuilder", "java.lang.runtime", "bsh.interpreter",
    "groovy.util.expando", "org.codehaus.groovy.runtime.convertedclosure",
    "org.codehaus.groovy.runtime.methodclosure", "com.sun.jndi.rmi.registry.referencewrapper",
    "sun.rmi.server.unicastref", "java.rmi.server.unicastremoteobject",
    "org.apache.commons.beanutils.beancomparator", "com.sun.syndication.feed.impl",
    "org.apache.xbean.propertyeditor.jndiconverter", "org.apache.shiro.jndi.jndiobjectfactory",
    "oracle.jdbc.connector.oraclemanagedconnectionfactory", "br.com.anteros.dbcp.anterosdbcpconfig",
    "org.apache.aries.transaction.jms", "com.caucho.config.types.resourceref",
    "org.apache.openjpa.ee.registryjndi", "org.apache.cxf.jaxrs.provider.xsltjaxbprovider",
    "javax.management.remote.rmi.rmiconnector", "java.util.serviceloader",
    "system.windows.data.objectdataprovider", "system.diagnostics.process",
    "system.management.automation", "system.security.principal.windowsidentity",
    "system.configuration.install.assemblyinstaller", "microsoft.visualstudio.text.formatting",
    "system.activities.presentation.workflowdesigner", "system.windows.markup.xamlreader",
    "system.data.services.internal.expandedwrapper"
  };

  /** Keys that carry a polymorphic type in Fastjson, Jackson, Json.NET, Spring and friends. */
  private static final List<String> TYPE_HINTS =
      List.of("@type", "@class", "$type", "@c", "javaclass", "_class", "__type", "class");

  private static final Pattern PHP_OBJECT =
      Pattern.compile("o:\\d{1,4}:\"[a-z_\\\\][a-z0-9_\\\\]{0,255}\":\\d{1,4}:\\{");
  private static final Pattern YAML_TAG =
      Pattern.compile(
          "!!(javax?\\.|com\\.|org\\.|sun\\.|net\\.|python/(object|name|module|apply)"
              + "|ruby/(object|hash|struct))|!ruby/(object|hash)"
              + "|!<tag:yaml\\.org,2002:python/(object|name|module|apply)");
  private static final Pattern CLASS_NAME =
      Pattern.compile("^\\s*([a-z_][a-z0-9_]*\\.){2,}[a-z_$][a-z0-9_$]*(\\s*,\\s*[a-z0-9_.]+)?\\s*$");

  @Override
  public AttackClass attackClass() {
    return AttackClass.DESERIALIZATION;
  }

  @Override
  public void analyse(Subject subject, Findings out) {
    Input input = subject.input();
    for (int v = 0; v < subject.count(); v++) {
      String s = subject.text(v);
      int f = subject.features(v);
      if (s.length() >= 40 && (f & (Subject.DIGIT | Subject.SLASH | Subject.NON_ASCII)) != 0
          && serializedStream(s, v, out)) {
        return;
      }
      if ((f & (Subject.DOT | Subject.BANG | Subject.COLON | Subject.DOLLAR | Subject.CRLF))
          == 0) {
        continue;
      }
      String l = subject.lower(v);
      if ((f & Subject.DOT) != 0 && gadget(l, v, out)) {
        return;
      }
      if ((f & Subject.BANG) != 0) {
        // the pattern runs only on a window at each '!' that can start a tag
        int i = l.indexOf('!');
        while (i >= 0) {
          if (i + 1 < l.length() && (l.charAt(i + 1) == '!' || l.charAt(i + 1) == 'r'
              || l.charAt(i + 1) == '<')) {
            Matcher m = YAML_TAG.matcher(window(l, i, 64));
            if (m.lookingAt()) {
              out.report(AttackClass.DESERIALIZATION, "deser.yaml-type-tag", 0.9, v, i,
                  Math.min(l.length(), i + 48));
              return;
            }
          }
          i = l.indexOf('!', i + 2);
        }
      }
      if ((f & Subject.COLON) != 0 && (f & Subject.LBRACE) != 0) {
        int i = l.indexOf("o:");
        while (i >= 0) {
          if ((i == 0 || !Ascii.isAlnum(l.charAt(i - 1))) && i + 2 < l.length()
              && Ascii.isDigit(l.charAt(i + 2))) {
            Matcher m = PHP_OBJECT.matcher(window(l, i, 300));
            if (m.lookingAt()) {
              out.report(AttackClass.DESERIALIZATION, "deser.php-object", 0.85, v, i,
                  Math.min(l.length(), i + 48));
              return;
            }
          }
          i = l.indexOf("o:", i + 2);
        }
      }
      if ((f & Subject.DOLLAR) != 0 && l.contains("_$$nd_func$$_")) {
        int i = l.indexOf("_$$nd_func$$_");
        out.report(AttackClass.DESERIALIZATION, "deser.node-serialize", 0.95, v, i, i + 13);
        return;
      }
      if ((f & Subject.CRLF) != 0 && l.contains("\nr") && (l.contains("cos\nsystem") || l.contains("cposix\nsystem")
          || l.contains("c__builtin__\n") || l.contains("csubprocess\n")
          || l.contains("cbuiltins\n"))) {
        out.report(AttackClass.DESERIALIZATION, "deser.python-pickle", 0.9, v, 0,
            Math.min(l.length(), 32));
        return;
      }
    }
    // a value under a type-hint key that names a class
    String loc = input.location();
    if (!(loc.endsWith("type") || loc.endsWith("class") || loc.endsWith("Class")
        || loc.endsWith("@c") || loc.endsWith("Type"))) {
      return;
    }
    List<String> segments = Paths.segments(loc);
    String last = segments.isEmpty() ? "" : Ascii.lower(segments.get(segments.size() - 1));
    if (input.kind() != Input.Kind.KEY && TYPE_HINTS.contains(last)
        && CLASS_NAME.matcher(subject.lower(0)).find()) {
      out.report(AttackClass.DESERIALIZATION, "deser.type-hint", 0.7, 0, 0,
          subject.text(0).length());
    }
  }

  private static boolean serializedStream(String s, int v, Findings out) {
    int i = 0;
    int n = s.length();
    while (i < n && (Ascii.isSpaceOrControl(s.charAt(i)) || s.charAt(i) == '"')) {
      i++;
    }
    if (i + 4 <= n && s.charAt(i) == 0xac && s.charAt(i + 1) == 0xed && s.charAt(i + 2) == 0
        && s.charAt(i + 3) == 5) {
      out.report(AttackClass.DESERIALIZATION, "deser.java-serialized", 0.95, v, i, i + 4);
      return true;
    }
    // each magic starts a token and is followed by a long run of token characters
    for (String magic : MAGICS) {
      int k = s.indexOf(magic);
      while (k >= 0) {
        if ((k == 0 || isTokenStart(s.charAt(k - 1))) && tokenRun(s, k + magic.length(), 40)) {
          boolean java = !magic.startsWith("AAE");
          out.report(AttackClass.DESERIALIZATION,
              java ? "deser.java-serialized" : "deser.dotnet-binaryformatter", java ? 0.95 : 0.9,
              v, k, k + 24);
          return true;
        }
        k = s.indexOf(magic, k + 1);
      }
    }
    return false;
  }

  private static final String[] MAGICS = {"rO0AB", "aced0005", "ACED0005", "AAEAAAD/////"};

  private static String window(String l, int from, int length) {
    return l.substring(from, Math.min(l.length(), from + length));
  }

  private static boolean isTokenStart(char before) {
    return before == '=' || before == ':' || before == '"' || before == '\''
        || Ascii.isSpaceOrControl(before) || before == ',';
  }

  /** Whether at least {@code tail} base64/hex token characters follow {@code from}. */
  private static boolean tokenRun(String s, int from, int tail) {
    int end = from + tail;
    if (end > s.length()) {
      return false;
    }
    for (int e = from; e < end; e++) {
      char c = s.charAt(e);
      if (!(Ascii.isAlnum(c) || c == '+' || c == '/' || c == '=' || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  private static boolean gadget(String l, int v, Findings out) {
    // every gadget starts with a root label and a dot: at each dot, look back for a root
    int dot = l.indexOf('.');
    while (dot > 0) {
      int start = dot;
      while (start > 0 && Ascii.isLetter(l.charAt(start - 1)) && dot - start < 10) {
        start--;
      }
      if (start < dot && (start == 0 || !Ascii.isAlnum(l.charAt(start - 1)))
          && GADGET_ROOT_LABELS.contains(l, start, dot)) {
        for (String g : GADGETS) {
          if (l.startsWith(g, start)) {
            out.report(AttackClass.DESERIALIZATION, "deser.gadget-class", 0.9, v, start,
                Math.min(l.length(), start + g.length()));
            return true;
          }
        }
      }
      dot = l.indexOf('.', dot + 1);
    }
    return false;
  }

  private static final WordTable GADGET_ROOT_LABELS =
      WordTable.set("com", "org", "java", "javax", "sun", "ch", "bsh", "groovy", "oracle", "br",
          "system", "microsoft");
}
