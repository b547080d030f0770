package dev.bulwark.rules.s3;

import dev.bulwark.model.Attr;
import dev.bulwark.model.Bucket;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Function;
import dev.bulwark.model.IamActions;
import dev.bulwark.model.Ref;
import dev.bulwark.model.Role;
import dev.bulwark.model.Statement;
import dev.bulwark.model.Trigger;
import dev.bulwark.model.TriggerKind;
import dev.bulwark.rules.internal.data.PublicStatements;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How functions use the buckets of a model: a bucket <em>feeds</em> a function when its
 * notifications trigger it, and is <em>fed by</em> a function when the function's role can write
 * to it ({@code s3:PutObject} on the bucket or on {@code *}), reads it, or the function names it
 * in an environment variable.
 */
final class BucketUsers {

  private static final String WRITE = "s3:PutObject";
  private static final String WRITTEN = "written by function ";
  private static final String READ = "read by function ";
  private static final String ARN_INFIX = ":s3:::";
  /** Uses kept per bucket: enough for a message, bounded for huge templates. */
  private static final int MAX_USES = 4;

  private final CloudModel model;
  private final Map<String, Bucket> byName = new HashMap<>();
  private final Map<String, Set<String>> uses = new HashMap<>();
  /** Writers on {@code *}: they use every bucket. */
  private final Set<String> everywhere = new LinkedHashSet<>();

  private BucketUsers(CloudModel model) {
    this.model = model;
    for (Bucket b : model.buckets()) {
      b.name().value().ifPresent(n -> byName.put(n, b));
    }
  }

  /** Uses by bucket id, for messages ({@code triggers function Resize}); unused buckets absent. */
  static Map<String, Set<String>> of(CloudModel model) {
    BucketUsers users = new BucketUsers(model);
    users.collect();
    return users.uses;
  }

  private void collect() {
    for (Trigger t : model.triggers()) {
      if (t.kind() == TriggerKind.S3) {
        String fn = model.function(t.function()).map(Function::id).orElse(t.function().shape());
        buckets(t.source()).forEach(b -> add(b, "triggers function " + fn));
      }
    }
    Map<String, List<Statement>> statementsByRole = new HashMap<>();
    for (Function fn : model.functions()) {
      for (Function.EnvVar e : fn.environment()) {
        buckets(e.value()).forEach(b -> add(b, "named by function " + fn.id() + " in " + e.name()));
      }
      Optional<Role> role = model.roleOf(fn);
      if (role.isPresent()) {
        List<Statement> allows = statementsByRole.computeIfAbsent(role.get().id(), id -> {
          List<Statement> out = new ArrayList<>();
          model.policiesOf(role.get()).forEach(p -> out.addAll(p.document().allows()));
          return out;
        });
        allows.forEach(s -> collectStatement(fn, s));
      }
    }
    for (Bucket b : model.buckets()) {
      everywhere.forEach(use -> add(b, use));
    }
  }

  /** A role statement that writes to every bucket, or writes to or reads named buckets. */
  private void collectStatement(Function fn, Statement s) {
    if (s.notResource()) {
      return;
    }
    List<Bucket> named = new ArrayList<>();
    for (Attr<String> resource : s.resources()) {
      named.addAll(buckets(resource));
    }
    boolean onAll = s.appliesToAllResources();
    if (named.isEmpty() && !onAll) {
      return;
    }
    boolean writes = PublicStatements.grants(s, WRITE);
    if (onAll && writes) {
      String actions = s.notAction() ? "NotAction" : s.actions().stream()
          .filter(a -> a.is(p -> IamActions.matches(p, WRITE))).findFirst()
          .map(Attr::shape).orElse(WRITE);
      if (everywhere.size() < MAX_USES) {
        everywhere.add(WRITTEN + fn.id() + " (" + actions + " on *)");
      }
      return;
    }
    String use = (writes ? WRITTEN : READ) + fn.id();
    named.forEach(b -> add(b, use));
  }

  /** Buckets a value designates: by reference, or by the bucket's literal name or ARN. */
  private List<Bucket> buckets(Attr<?> value) {
    List<Bucket> out = new ArrayList<>();
    for (String id : value.references()) {
      model.resource(id, Bucket.class).ifPresent(out::add);
    }
    for (Object v : value.values()) {
      if (v instanceof Ref.ToResource r) {
        model.resource(r.id(), Bucket.class).filter(b -> !out.contains(b)).ifPresent(out::add);
      } else {
        String text = v instanceof Ref.Literal l ? l.value() : v.toString();
        Bucket named = byName.get(bucketName(text));
        if (named != null && !out.contains(named)) {
          out.add(named);
        }
      }
    }
    return out;
  }

  /** {@code arn:aws:s3:::uploads/*} and {@code uploads} both name bucket {@code uploads}. */
  private static String bucketName(String text) {
    int at = text.indexOf(ARN_INFIX);
    if (!text.startsWith("arn:") || at < 0) {
      return text;
    }
    String rest = text.substring(at + ARN_INFIX.length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  private void add(Bucket b, String use) {
    Set<String> set = uses.computeIfAbsent(b.id(), k -> new LinkedHashSet<>());
    if (use.startsWith(READ) && set.contains(WRITTEN + use.substring(READ.length()))) {
      return;
    }
    if (use.startsWith(WRITTEN)) {
      set.remove(READ + use.substring(WRITTEN.length()));
    }
    if (set.size() < MAX_USES) {
      set.add(use);
    }
  }
}
